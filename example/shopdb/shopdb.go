// Package shopdb opens the shop's database: SQLite in one file, through the
// pure-Go driver modernc.org/sqlite (no C compiler needed), with the
// schema of schema.sql.
package shopdb

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// File is the name of the database file in the data directory.
const File = "shop.db"

//go:embed schema.sql
var schema string

// settings are applied to every connection the pool opens: foreign keys
// checked, the write-ahead log (readers do not wait for a writer), a
// writer waits up to five seconds for another instead of failing, and
// every transaction takes the write lock when it begins, so that two
// transactions that read and then write cannot deadlock.
const settings = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
	"&_pragma=busy_timeout(5000)&_txlock=immediate"

// Open opens the database in dir, making dir and the file if needed, and
// creates the tables that are missing.
func Open(ctx context.Context, dir string) (*sql.DB, error) {
	path := filepath.Join(dir, File)
	if strings.Contains(path, "?") {
		return nil, fmt.Errorf("the data directory %q has a '?', which SQLite would read as the start of its options", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", path+"?"+settings)
	if err != nil {
		return nil, err
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("creating the tables in %s: %w", path, err)
	}
	return db, nil
}

// Querier is what *sql.DB and *sql.Tx have in common: a function that
// takes one can run in a transaction or outside any.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// InTx runs f in a transaction, committed when f returns nil and rolled
// back otherwise; f's error is returned as it is.
func InTx(ctx context.Context, db *sql.DB, f func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		// Rolling back can fail only where the transaction is gone
		// already, which f's error tells better.
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Millis is a time as the tables keep it: Unix milliseconds.
func Millis(t time.Time) int64 { return t.UnixMilli() }

// Time is the time of Unix milliseconds ms, in UTC.
func Time(ms int64) time.Time { return time.UnixMilli(ms).UTC() }
