-- The shop's tables. Open runs this at every start: each statement leaves
-- a table that exists alone.

-- products are the shelf, in the order of shelf.
CREATE TABLE IF NOT EXISTS products (
	id          TEXT PRIMARY KEY,
	shelf       INTEGER NOT NULL,
	name        TEXT NOT NULL,
	description TEXT NOT NULL,
	category    TEXT NOT NULL,
	emoji       TEXT NOT NULL,
	price       INTEGER NOT NULL, -- euro cents
	stock       INTEGER NOT NULL CHECK (stock >= 0)
) STRICT;

-- carts are named by an ID the client makes up; updated_at (Unix
-- milliseconds) finds the cart left alone longest.
CREATE TABLE IF NOT EXISTS carts (
	id         TEXT PRIMARY KEY,
	updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS cart_lines (
	cart_id    TEXT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
	product_id TEXT NOT NULL REFERENCES products (id),
	added      INTEGER NOT NULL, -- the order in which lines were first added
	quantity   INTEGER NOT NULL CHECK (quantity > 0),
	PRIMARY KEY (cart_id, product_id)
) STRICT;

-- users sign in with an email address and a password, kept as a salted
-- PBKDF2 hash.
CREATE TABLE IF NOT EXISTS users (
	id            INTEGER PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE,
	password_salt BLOB NOT NULL,
	password_hash BLOB NOT NULL,
	created_at    INTEGER NOT NULL
) STRICT;

-- sessions are kept by the SHA-256 of the token in the cookie, so that the
-- table alone signs no one in.
CREATE TABLE IF NOT EXISTS sessions (
	token_hash BLOB PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	expires_at INTEGER NOT NULL
) STRICT;

-- orders belong to the user who placed them; lines is the JSON of the
-- cart's lines at checkout, which never change after.
CREATE TABLE IF NOT EXISTS orders (
	id        INTEGER PRIMARY KEY,
	user_id   INTEGER NOT NULL REFERENCES users (id),
	customer  TEXT NOT NULL,
	lines     TEXT NOT NULL,
	total     INTEGER NOT NULL,
	delivery  TEXT NOT NULL,
	status    TEXT NOT NULL,
	placed_at INTEGER NOT NULL,
	note      TEXT
) STRICT;

CREATE INDEX IF NOT EXISTS orders_by_user ON orders (user_id, id);

-- order_photos holds the photo a customer sent with an order, for the
-- courier: at most one an order.
CREATE TABLE IF NOT EXISTS order_photos (
	order_id     INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
	name         TEXT NOT NULL,
	content_type TEXT NOT NULL,
	data         BLOB NOT NULL
) STRICT;
