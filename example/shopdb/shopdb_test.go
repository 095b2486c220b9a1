package shopdb

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenKeepsTheData(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "new", "data")
	db, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO carts (id, updated_at) VALUES ('c', 1)"); err != nil {
		t.Fatal(err)
	}
	var fk, mode string
	db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if fk != "1" || mode != "wal" {
		t.Errorf("foreign_keys %s, journal_mode %s; want 1 and wal", fk, mode)
	}
	db.Close()

	// A second start finds the tables and what they hold.
	db, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM carts").Scan(&n); err != nil || n != 1 {
		t.Errorf("carts after reopening: %d, %v; want the one", n, err)
	}
}

func TestOpenRefusesAQuestionMark(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "what?"))
	if err == nil || !strings.Contains(err.Error(), "has a '?'") {
		t.Errorf("Open of a directory with a '?': %v", err)
	}
}
