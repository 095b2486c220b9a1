// Type-level tests of the TanStack Query options of get actions, against
// @tanstack/react-query v5: useQuery, useSuspenseQuery, queryOptions and
// QueryClient take <name>Query(…) as it is and infer the result's type
// from its queryFn, and queryOptions tags its key with that type. The hooks
// are only type-checked here, never called.
import { QueryClient, queryOptions, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { sizeQuery } from "../gen/live/live.js";
import { currentCountQuery } from "../gen/glue/glue.js";

export function useSize(key: string): number | undefined {
  const { data } = useQuery(sizeQuery(key));
  // @ts-expect-error data is a number, or undefined while loading
  const wrong: string | undefined = data;
  // @ts-expect-error data is undefined until the query has loaded
  const loaded: number = data;
  void wrong;
  void loaded;
  return data;
}

// A get action without parameters, and the suspense hook, whose data is
// always there.
export function useCount(): number {
  const { data } = useSuspenseQuery(currentCountQuery());
  // @ts-expect-error data is a number
  const wrong: string = data;
  void wrong;
  return data;
}

// queryOptions takes the options as they are, and with options added.
export const sizeOptions = queryOptions(sizeQuery("k"));
export const countOptions = queryOptions({ ...currentCountQuery(), staleTime: 60_000 });

export function useSizeOptions(): number | undefined {
  return useQuery(sizeOptions).data;
}

// select maps the result: its parameter is the action's result.
export function useSizeText(key: string): string | undefined {
  return useQuery({ ...sizeQuery(key), select: (n: number) => `${n} bytes` }).data;
}
// @ts-expect-error select gets a number, not a string
useQuery({ ...sizeQuery("k"), select: (s: string) => s.length });

// The key holds the action's ID and the arguments; queryOptions tags it
// with the result's type for the cache's getters and setters.
export const key: readonly ["live.Size", string] = sizeQuery("k").queryKey;
// @ts-expect-error the argument is a string
sizeQuery(1);

// (The results are assigned unannotated first: an annotated target would
// have TanStack infer its type parameters from it.)
const client = new QueryClient();
const cached = client.getQueryData(sizeOptions.queryKey);
export const cachedSize: number | undefined = cached;
// @ts-expect-error the cached data is a number
export const cachedWrong: string | undefined = cached;
client.setQueryData(sizeOptions.queryKey, 3);
// @ts-expect-error the cached data is a number
client.setQueryData(sizeOptions.queryKey, "3");
const fetched = client.fetchQuery(sizeQuery("k"));
export const fetchedSize: Promise<number> = fetched;
// @ts-expect-error fetchQuery resolves with a number
export const fetchedWrong: Promise<string> = fetched;

// Invalidating by the action's ID reaches every call of it.
export function useInvalidateSizes(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [sizeQuery("").queryKey[0]] });
}
