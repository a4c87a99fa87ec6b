package source_test

import (
	"context"
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/source"
)

// Reading build arguments: each item is an article or the error of one
// input, which does not stop the others.
func ExampleOpen() {
	r, err := source.Open(context.Background(), []string{"articles/", "corpus.jsonl", "https://example.com/news/1"}, source.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	total := r.Total() // -1 when unknown
	done := 0
	for item := range r.All() {
		done++
		if item.Err != nil {
			log.Print(item.Err) // e.g. "read articles/x.png: binary file (PNG image), not an article"
			continue
		}
		fmt.Printf("[%d/%d] %s: %d bytes\n", done, total, item.Doc.ID, len(item.Doc.Text))
	}
	if err := r.Err(); err != nil {
		log.Fatal(err) // the context was cancelled
	}
}

// Mapping the keys of a corpus, as the --field flag does.
func ExampleFieldMap() {
	var fields source.FieldMap
	for _, spec := range []string{"text=story", "id=doc_id,uuid"} {
		if err := fields.Set(spec); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println(fields)
	// Output: id=doc_id,uuid text=story
}
