// Package eval scores extracted facts against a gold annotation file. It is
// a faithful Go port of the project's Python scorer,
// /work/shared/eval/score.py: the same gold format, the same prediction rows
// (as the canned queries print them), the same matching rules and the same
// numbers, so that tests can assert per-article quality floors and commands
// can print scores without Python.
//
// Typical use:
//
//	g, err := eval.LoadGold("seed.gold.json")
//	p, err := eval.LoadPredictions("persons.jsonl", "affiliations.jsonl", "claims.jsonl", "positions.jsonl")
//	r := eval.Score(g, p)
//	fmt.Print(r.Table())
package eval

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"
)

// Gold is a gold annotation file (see /work/shared/eval/README.md). Read it
// with LoadGold or ParseGold, which follow Python's rules (truth values for
// "optional", key order when printing missed facts); the JSON tags let
// encoding/json write and read the common case too.
type Gold struct {
	// Source describes the annotated article ("source"), when it is a string.
	Source string `json:"source,omitempty"`
	// CorpusID is the article's identifier in a corpus ("corpus_id"), when
	// it is a string or a number.
	CorpusID string `json:"corpus_id,omitempty"`
	// Article is the article text or name ("article"), when it is a string.
	Article string `json:"article,omitempty"`
	// Extra holds every top-level field other than the four relations,
	// including source, corpus_id and article, as JSON text in Python's
	// json.dumps layout. Such fields are tolerated and never scored.
	Extra map[string]string `json:"-"`

	// Persons lists every named person.
	Persons []GoldPerson `json:"persons"`
	// Affiliations lists who works or worked for which organisation.
	Affiliations []GoldAffiliation `json:"affiliations"`
	// Claims lists the direct quotations and reported statements.
	Claims []GoldClaim `json:"claims"`
	// Positions lists the stances countries take on issues.
	Positions []GoldPosition `json:"positions"`
}

// GoldPerson is a named person of the gold file.
type GoldPerson struct {
	// Name is the person's full name.
	Name string `json:"name"`
	// Aliases are the other forms the article uses.
	Aliases []string `json:"aliases,omitempty"`
	// Optional facts are neither counted as missed nor, when matched, as
	// false positives.
	Optional bool `json:"optional,omitempty"`

	raw *jval // the entry as read, for printing it like score.py
}

// GoldAffiliation says that Person works (Current) or worked for
// Organisation in Role.
type GoldAffiliation struct {
	// Person is the gold person's name (matched through the gold persons'
	// aliases).
	Person string `json:"person"`
	// Organisation is the organisation or country.
	Organisation string `json:"organisation"`
	// Role is the person's role; it is not scored.
	Role string `json:"role,omitempty"`
	// Current is false for former affiliations; it is not scored.
	Current bool `json:"current"`
	// Optional facts are neither counted as missed nor as false positives.
	Optional bool `json:"optional,omitempty"`

	raw *jval
}

// GoldClaim is a statement attributed to a person.
type GoldClaim struct {
	// Person is the speaker's gold name.
	Person string `json:"person"`
	// Kind is "direct" or "indirect"; it is not scored.
	Kind string `json:"kind,omitempty"`
	// Statement is the quotation or the reported clause.
	Statement string `json:"statement"`
	// StatementAlt lists other acceptable phrasings ("statement_alt").
	StatementAlt []string `json:"statement_alt,omitempty"`
	// Optional facts are neither counted as missed nor as false positives.
	Optional bool `json:"optional,omitempty"`

	raw *jval
}

// GoldPosition says that Country supports or opposes Issue.
type GoldPosition struct {
	// Country is the country taking the position.
	Country string `json:"country"`
	// Stance is "supports" or "opposes"; it is compared verbatim with the
	// normalised predicted stance.
	Stance string `json:"stance"`
	// Issue is a short noun phrase.
	Issue string `json:"issue"`
	// Evidence is the sentence stating the position; it is not scored.
	Evidence string `json:"evidence,omitempty"`
	// Optional facts are neither counted as missed nor as false positives.
	Optional bool `json:"optional,omitempty"`

	raw *jval
}

// LoadGold reads a gold annotation file.
func LoadGold(path string) (Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Gold{}, err
	}
	g, err := ParseGold(data)
	if err != nil {
		return Gold{}, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// ParseGold decodes a gold annotation file. Unknown top-level fields are
// kept in Extra; unknown fields of entries are ignored. The fields the
// scorer compares must be present and be strings.
func ParseGold(data []byte) (Gold, error) {
	if !utf8.Valid(data) {
		return Gold{}, errors.New("gold file is not valid UTF-8")
	}
	doc, err := parseJSON(data)
	if err != nil {
		return Gold{}, err
	}
	if doc.kind != jObj {
		return Gold{}, errors.New("gold file is not a JSON object")
	}
	var g Gold
	for i, k := range doc.keys {
		v := doc.vals[i]
		switch k {
		case "persons", "affiliations", "claims", "positions":
			if err := g.decodeRelation(k, v); err != nil {
				return Gold{}, err
			}
			continue
		case "source":
			if v.kind == jStr {
				g.Source = v.s
			}
		case "article":
			if v.kind == jStr {
				g.Article = v.s
			}
		case "corpus_id":
			if v.kind == jStr || v.kind == jNum {
				g.CorpusID = pyStr(v)
			}
		}
		if g.Extra == nil {
			g.Extra = map[string]string{}
		}
		g.Extra[k] = pyDumps(v)
	}
	return g, nil
}

func (g *Gold) decodeRelation(name string, v jval) error {
	if v.kind == jNull {
		return nil
	}
	if v.kind != jArr {
		return fmt.Errorf("%s: not a JSON array", name)
	}
	for i, e := range v.arr {
		if e.kind != jObj {
			return fmt.Errorf("%s[%d]: not a JSON object", name, i)
		}
		d := gdec{v: e}
		raw := &v.arr[i]
		switch name {
		case "persons":
			g.Persons = append(g.Persons, GoldPerson{
				Name: d.str("name", true), Aliases: d.strs("aliases"), Optional: d.optional(), raw: raw})
		case "affiliations":
			g.Affiliations = append(g.Affiliations, GoldAffiliation{
				Person: d.str("person", true), Organisation: d.str("organisation", true),
				Role: d.str("role", false), Current: d.truthy("current"), Optional: d.optional(), raw: raw})
		case "claims":
			g.Claims = append(g.Claims, GoldClaim{
				Person: d.str("person", true), Kind: d.str("kind", false), Statement: d.str("statement", true),
				StatementAlt: d.strs("statement_alt"), Optional: d.optional(), raw: raw})
		case "positions":
			g.Positions = append(g.Positions, GoldPosition{
				Country: d.str("country", true), Stance: d.str("stance", true), Issue: d.str("issue", true),
				Evidence: d.str("evidence", false), Optional: d.optional(), raw: raw})
		}
		if d.err != nil {
			return fmt.Errorf("%s[%d]: %w", name, i, d.err)
		}
	}
	return nil
}

// gdec reads the fields of one gold entry, remembering the first error.
type gdec struct {
	v   jval
	err error
}

func (d *gdec) str(key string, required bool) string {
	v, ok := d.v.get(key)
	switch {
	case ok && v.kind == jStr:
		return v.s
	case required && d.err == nil:
		d.err = fmt.Errorf("%q is missing or not a string", key)
	}
	return ""
}

func (d *gdec) strs(key string) []string {
	v, ok := d.v.get(key)
	if !ok || v.kind == jNull {
		return nil
	}
	if v.kind != jArr {
		if d.err == nil {
			d.err = fmt.Errorf("%q is not an array of strings", key)
		}
		return nil
	}
	out := make([]string, 0, len(v.arr))
	for _, e := range v.arr {
		if e.kind != jStr {
			if d.err == nil {
				d.err = fmt.Errorf("%q is not an array of strings", key)
			}
			continue
		}
		out = append(out, e.s)
	}
	return out
}

func (d *gdec) truthy(key string) bool {
	v, ok := d.v.get(key)
	return ok && pyTruthy(v)
}

func (d *gdec) optional() bool { return d.truthy("optional") }

// Predictions are the facts to score, one slice per canned query.
type Predictions struct {
	// Persons are the rows of the persons query.
	Persons []PersonRow
	// Affiliations are the rows of the affiliations query.
	Affiliations []AffiliationRow
	// Claims are the rows of the claims query.
	Claims []ClaimRow
	// Positions are the rows of the positions query.
	Positions []PositionRow
}

// PersonRow is one row of the persons query.
type PersonRow struct {
	// Name is the person's name (read from "name", "person" or "id").
	Name string `json:"name"`
}

// AffiliationRow is one row of the affiliations query.
type AffiliationRow struct {
	// Person is the person's name (read from "person" or "name").
	Person string `json:"person"`
	// Organisation is read from "organisation", "organization" or "org".
	Organisation string `json:"organisation"`
	// Role is read from "role" or "title"; it is not scored.
	Role string `json:"role"`
	// Current is the row's "current" value as decoded (usually a bool; nil
	// when absent; json.Number, string or json.RawMessage otherwise). It is
	// not scored, only shown in the list of wrong predictions.
	Current any `json:"current"`
}

// ClaimRow is one row of the claims query.
type ClaimRow struct {
	// Person is the speaker (read from "person", "speaker" or "name").
	Person string `json:"person"`
	// Statement is read from "statement", "text" or "quote".
	Statement string `json:"statement"`
	// Kind is "direct" or "indirect"; it is not scored.
	Kind string `json:"kind"`
}

// PositionRow is one row of the positions query.
type PositionRow struct {
	// Country is read from "country" or "holder".
	Country string `json:"country"`
	// Stance is read from "stance" or "polarity"; Score normalises it.
	Stance string `json:"stance"`
	// Issue is read from "issue" or "topic".
	Issue string `json:"issue"`
}

// LoadPredictions reads the four query outputs. Each file holds JSON
// objects one per line (lines not starting with "{" are skipped) or a
// single JSON array. An empty path or a missing file gives no rows, as in
// score.py.
func LoadPredictions(persons, affiliations, claims, positions string) (Predictions, error) {
	var p Predictions
	var err error
	if p.Persons, err = loadRows(persons, ReadPersons); err != nil {
		return Predictions{}, err
	}
	if p.Affiliations, err = loadRows(affiliations, ReadAffiliations); err != nil {
		return Predictions{}, err
	}
	if p.Claims, err = loadRows(claims, ReadClaims); err != nil {
		return Predictions{}, err
	}
	if p.Positions, err = loadRows(positions, ReadPositions); err != nil {
		return Predictions{}, err
	}
	return p, nil
}

func loadRows[T any](path string, read func(io.Reader) ([]T, error)) ([]T, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}

// ReadPersons reads rows of the persons query (see LoadPredictions for the
// format).
func ReadPersons(r io.Reader) ([]PersonRow, error) {
	return readRows(r, func(d jval) PersonRow {
		return PersonRow{Name: field(d, "name", "person", "id")}
	})
}

// ReadAffiliations reads rows of the affiliations query (see
// LoadPredictions for the format).
func ReadAffiliations(r io.Reader) ([]AffiliationRow, error) {
	return readRows(r, func(d jval) AffiliationRow {
		cur, _ := d.get("current")
		return AffiliationRow{
			Person:       field(d, "person", "name"),
			Organisation: field(d, "organisation", "organization", "org"),
			Role:         field(d, "role", "title"),
			Current:      goValue(cur),
		}
	})
}

// ReadClaims reads rows of the claims query (see LoadPredictions for the
// format).
func ReadClaims(r io.Reader) ([]ClaimRow, error) {
	return readRows(r, func(d jval) ClaimRow {
		return ClaimRow{
			Person:    field(d, "person", "speaker", "name"),
			Statement: field(d, "statement", "text", "quote"),
			Kind:      field(d, "kind"),
		}
	})
}

// ReadPositions reads rows of the positions query (see LoadPredictions for
// the format).
func ReadPositions(r io.Reader) ([]PositionRow, error) {
	return readRows(r, func(d jval) PositionRow {
		return PositionRow{
			Country: field(d, "country", "holder"),
			Stance:  field(d, "stance", "polarity"),
			Issue:   field(d, "issue", "topic"),
		}
	})
}

// readRows is score.py's load followed by the construction of rows.
func readRows[T any](r io.Reader, row func(jval) T) ([]T, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, errors.New("not valid UTF-8")
	}
	raw := pyStrip(string(data))
	if raw == "" {
		return nil, nil
	}
	var objs []jval
	if strings.HasPrefix(raw, "[") {
		v, err := parseJSON([]byte(raw))
		if err != nil {
			return nil, err
		}
		if v.kind != jArr {
			return nil, errors.New("not a JSON array")
		}
		objs = v.arr
	} else {
		for n, line := range pySplitLines(raw) {
			line = pyStrip(line)
			if !strings.HasPrefix(line, "{") {
				continue
			}
			v, err := parseJSON([]byte(line))
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n+1, err)
			}
			objs = append(objs, v)
		}
	}
	out := make([]T, 0, len(objs))
	for i, d := range objs {
		if d.kind != jObj {
			return nil, fmt.Errorf("row %d is not a JSON object", i+1)
		}
		out = append(out, row(d))
	}
	return out, nil
}

// field is the first half of score.py's field: the value of the first of
// names present and not null, as text (Python's str(); an object gives its
// "name" or else its "id"). The second half, removing one pair of enclosing
// double quotes, is done by Score, so that rows built in Go are scored like
// rows read from JSON.
func field(d jval, names ...string) string {
	for _, n := range names {
		v, ok := d.get(n)
		if !ok || v.kind == jNull {
			continue
		}
		if v.kind == jObj {
			if x, ok := v.get("name"); ok && pyTruthy(x) {
				v = x
			} else if x, ok := v.get("id"); ok && pyTruthy(x) {
				v = x
			} else {
				v = jval{kind: jStr}
			}
		}
		return pyStr(v)
	}
	return ""
}

// unquote removes one pair of enclosing double quotes, as score.py's field
// does after converting the value to text.
func unquote(v string) string {
	if len(v) > 1 && strings.HasPrefix(v, `"`) && strings.HasSuffix(v, `"`) {
		return v[1 : len(v)-1]
	}
	return v
}
