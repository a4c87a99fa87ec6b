package eval_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/newsgraph/newsgraph/internal/eval"
)

func ExampleScore() {
	g, err := eval.LoadGold("testdata/seed.gold.json")
	if err != nil {
		log.Fatal(err)
	}
	// Rows as the canned queries print them, one JSON object per line.
	claims, err := eval.ReadClaims(strings.NewReader(
		`{"person": "James Brown", "statement": "the results were mixed", "kind": "indirect"}
{"person": "Shoigu", "statement": "there is no legal basis for such cooperation yet", "kind": "indirect"}`))
	if err != nil {
		log.Fatal(err)
	}
	r := eval.Score(g, eval.Predictions{
		Persons:      []eval.PersonRow{{Name: "Prime Minister Abe"}, {Name: "Sergei Shoigu"}},
		Affiliations: []eval.AffiliationRow{{Person: "Shoigu", Organisation: "Russian side", Current: true}},
		Claims:       claims,
		Positions:    []eval.PositionRow{{Country: "Tokyo", Stance: "Supports", Issue: "missile defense"}},
	})
	fmt.Print(r.Table())
	fmt.Printf("%+v\n", r.Wrong.Claims)
	// Output:
	// relation         tp   fp   fn       P       R      F1
	// persons           2    0   11   1.000   0.154   0.267
	// affiliations      1    0   10   1.000   0.091   0.167
	// claims            1    1   39   0.500   0.025   0.048
	// positions         1    0   13   1.000   0.071   0.133
	// facts             3    1   62   0.750   0.046   0.087
	// claim attribution accuracy (statement found, right speaker): 0.500 of 2
	// [{Person:Shoigu Statement:there is no legal basis for such cooperation yet Kind:indirect}]
}
