package eval

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Counts is the score of one relation. Precision, Recall and F1 are rounded
// to three decimals, as score.py reports them.
type Counts struct {
	// TP counts matched non-optional gold facts.
	TP int `json:"tp"`
	// FP counts predictions matching no gold fact.
	FP int `json:"fp"`
	// FN counts non-optional gold facts no prediction matched.
	FN int `json:"fn"`
	// Precision is TP/(TP+FP), 0 when there is nothing to divide.
	Precision float64 `json:"precision"`
	// Recall is TP/(TP+FN), 0 when there is nothing to divide.
	Recall float64 `json:"recall"`
	// F1 is the harmonic mean of Precision and Recall (computed before
	// rounding).
	F1 float64 `json:"f1"`
}

// Report is the result of Score. Marshalled with encoding/json it has the
// keys of score.py --json; JSON gives score.py's exact text.
type Report struct {
	// Persons scores the persons query.
	Persons Counts `json:"persons"`
	// Affiliations scores the affiliations query.
	Affiliations Counts `json:"affiliations"`
	// Claims scores the claims query (right speaker and statement).
	Claims Counts `json:"claims"`
	// Positions scores the positions query.
	Positions Counts `json:"positions"`
	// Facts is the micro-average of Affiliations, Claims and Positions.
	Facts Counts `json:"facts"`
	// ClaimAttributionAccuracy is the share of the statements found
	// (whoever they were given to) that were given to the right speaker,
	// rounded to three decimals; 0 when no statement was found.
	ClaimAttributionAccuracy float64 `json:"claim_attribution_accuracy"`
	// ClaimsFoundAnySpeaker counts the gold statements found, whoever they
	// were given to (optional ones included).
	ClaimsFoundAnySpeaker int `json:"claims_found_any_speaker"`

	// Missed lists the non-optional gold facts no prediction matched.
	Missed Missed `json:"-"`
	// Wrong lists the predictions that matched no gold fact.
	Wrong Wrong `json:"-"`
}

// Missed lists unmatched non-optional gold facts, in gold order.
type Missed struct {
	// Persons are the gold persons not found.
	Persons []GoldPerson
	// Affiliations are the gold affiliations not found.
	Affiliations []GoldAffiliation
	// Claims are the gold claims not found with the right speaker.
	Claims []GoldClaim
	// Positions are the gold positions not found.
	Positions []GoldPosition
}

// Wrong lists the predictions that matched no gold fact, in prediction
// order, as Score read them (enclosing quotes removed, stance normalised).
type Wrong struct {
	// Persons are the false person predictions.
	Persons []PersonRow
	// Affiliations are the false affiliation predictions.
	Affiliations []AffiliationRow
	// Claims are the false claim predictions.
	Claims []ClaimRow
	// Positions are the false position predictions.
	Positions []PositionRow
}

// scorer memoises the text processing of one Score call.
type scorer struct {
	persons []GoldPerson
	toks    map[string]map[string]bool
	parts   map[string][]string
	same    map[[2]string]bool
}

// tokens is Tokens(s, true), memoised.
func (s *scorer) tokens(x string) map[string]bool {
	t, ok := s.toks[x]
	if !ok {
		t = Tokens(x, true)
		s.toks[x] = t
	}
	return t
}

// nameParts is NameParts, memoised.
func (s *scorer) nameParts(x string) []string {
	p, ok := s.parts[x]
	if !ok {
		p = NameParts(x)
		s.parts[x] = p
	}
	return p
}

func (s *scorer) personMatch(g GoldPerson, pred string) bool {
	return personMatch(g, pred, s.nameParts)
}

// samePerson is score.py's same_person: pname names the gold person that
// gname names (or, when gname names none, a person called gname).
func (s *scorer) samePerson(gname, pname string) bool {
	key := [2]string{gname, pname}
	if v, ok := s.same[key]; ok {
		return v
	}
	gp := GoldPerson{Name: gname}
	for _, cand := range s.persons {
		if s.personMatch(cand, gname) {
			gp = cand
			break
		}
	}
	v := s.personMatch(gp, pname)
	s.same[key] = v
	return v
}

// Score compares predictions with the gold facts exactly as score.py does.
// Every text field of a prediction first loses one pair of enclosing double
// quotes (score.py's field), and empty person names are dropped. Each
// relation is then matched greedily and one to one: every prediction, in
// order, takes the first still unmatched gold fact it matches. Persons match
// by name (PersonMatch); affiliations by person (the gold person named by
// the gold entry, with its aliases) and organisation (OrgMatch); claims by
// speaker and statement (TextMatch at 0.6/0.6 against the statement or one
// of its alternatives); positions by country (equal sets of country
// tokens), stance (the normalised predicted stance equals the gold stance
// as written) and issue (TextMatch at 0.5/0.3). A prediction matched to an
// optional gold fact counts neither as true nor as false positive.
func Score(g Gold, p Predictions) Report {
	s := &scorer{persons: g.Persons, toks: map[string]map[string]bool{}, parts: map[string][]string{},
		same: map[[2]string]bool{}}
	toks := s.tokens
	samePerson := s.samePerson
	var rep Report

	// persons
	var persons []PersonRow
	for _, r := range p.Persons {
		if n := unquote(r.Name); n != "" {
			persons = append(persons, PersonRow{Name: n})
		}
	}
	m := greedy(g.Persons, persons, func(gp GoldPerson, r PersonRow) bool {
		return s.personMatch(gp, r.Name)
	}, func(gp GoldPerson) bool { return gp.Optional })
	rep.Persons = m.counts()
	rep.Missed.Persons, rep.Wrong.Persons = m.fnList, m.fpList

	// affiliations
	affs := make([]AffiliationRow, len(p.Affiliations))
	for i, r := range p.Affiliations {
		affs[i] = AffiliationRow{Person: unquote(r.Person), Organisation: unquote(r.Organisation),
			Role: unquote(r.Role), Current: r.Current}
	}
	ma := greedy(g.Affiliations, affs, func(ga GoldAffiliation, r AffiliationRow) bool {
		return samePerson(ga.Person, r.Person) && orgMatch(toks(ga.Organisation), toks(r.Organisation))
	}, func(ga GoldAffiliation) bool { return ga.Optional })
	rep.Affiliations = ma.counts()
	rep.Missed.Affiliations, rep.Wrong.Affiliations = ma.fnList, ma.fpList

	// claims
	claims := make([]ClaimRow, len(p.Claims))
	for i, r := range p.Claims {
		claims[i] = ClaimRow{Person: unquote(r.Person), Statement: unquote(r.Statement), Kind: unquote(r.Kind)}
	}
	said := func(gc GoldClaim, r ClaimRow) bool {
		pt := toks(r.Statement)
		if textMatch(toks(gc.Statement), pt, 0.6, 0.6) {
			return true
		}
		for _, alt := range gc.StatementAlt {
			if textMatch(toks(alt), pt, 0.6, 0.6) {
				return true
			}
		}
		return false
	}
	claimOptional := func(gc GoldClaim) bool { return gc.Optional }
	mc := greedy(g.Claims, claims, func(gc GoldClaim, r ClaimRow) bool {
		return samePerson(gc.Person, r.Person) && said(gc, r)
	}, claimOptional)
	rep.Claims = mc.counts()
	rep.Missed.Claims, rep.Wrong.Claims = mc.fnList, mc.fpList
	// Attribution: the statement was found, whoever it was given to.
	mt := greedy(g.Claims, claims, said, claimOptional)
	right := 0
	for _, pr := range mt.pairs {
		if samePerson(pr.g.Person, pr.p.Person) {
			right++
		}
	}
	attribution := 0.0
	if len(mt.pairs) > 0 {
		attribution = float64(right) / float64(len(mt.pairs))
	}
	rep.ClaimAttributionAccuracy = round3(attribution)
	rep.ClaimsFoundAnySpeaker = len(mt.pairs)

	// positions
	positions := make([]PositionRow, len(p.Positions))
	for i, r := range p.Positions {
		positions[i] = PositionRow{Country: unquote(r.Country), Stance: Norm(unquote(r.Stance)), Issue: unquote(r.Issue)}
	}
	mp := greedy(g.Positions, positions, func(gq GoldPosition, r PositionRow) bool {
		return sameSet(toks(gq.Country), toks(r.Country)) && gq.Stance == r.Stance &&
			textMatch(toks(gq.Issue), toks(r.Issue), 0.5, 0.3)
	}, func(gq GoldPosition) bool { return gq.Optional })
	rep.Positions = mp.counts()
	rep.Missed.Positions, rep.Wrong.Positions = mp.fnList, mp.fpList

	rep.Facts = prf(ma.tp+mc.tp+mp.tp, ma.fp+mc.fp+mp.fp, ma.fn+mc.fn+mp.fn)
	return rep
}

type pair[G, P any] struct {
	g G
	p P
}

// matching is the result of greedy.
type matching[G, P any] struct {
	tp, fp, fn int
	pairs      []pair[G, P]
	fnList     []G
	fpList     []P
}

func (m matching[G, P]) counts() Counts { return prf(m.tp, m.fp, m.fn) }

// greedy is score.py's one-to-one matching in prediction order.
func greedy[G, P any](golds []G, preds []P, ok func(G, P) bool, optional func(G) bool) matching[G, P] {
	var m matching[G, P]
	used := make([]bool, len(golds))
	for _, p := range preds {
		hit := -1
		for i, g := range golds {
			if !used[i] && ok(g, p) {
				hit = i
				break
			}
		}
		if hit < 0 {
			m.fpList = append(m.fpList, p)
			continue
		}
		used[hit] = true
		m.pairs = append(m.pairs, pair[G, P]{golds[hit], p})
		if !optional(golds[hit]) {
			m.tp++
		}
	}
	for i, g := range golds {
		if !used[i] && !optional(g) {
			m.fnList = append(m.fnList, g)
		}
	}
	m.fp, m.fn = len(m.fpList), len(m.fnList)
	return m
}

// prf is score.py's prf, with the rounding of its report.
func prf(tp, fp, fn int) Counts {
	var p, r, f float64
	if tp+fp != 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn != 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return Counts{TP: tp, FP: fp, FN: fn, Precision: round3(p), Recall: round3(r), F1: round3(f)}
}

// round3 is Python's round(x, 3): the float nearest the decimal x rounds to.
func round3(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return y
}

// namedCounts is one row of the table.
type namedCounts struct {
	name string
	c    Counts
}

// relations are the rows of the table, in score.py's order.
func (r Report) relations() []namedCounts {
	return []namedCounts{
		{"persons", r.Persons}, {"affiliations", r.Affiliations}, {"claims", r.Claims},
		{"positions", r.Positions}, {"facts", r.Facts},
	}
}

// Table formats the report as score.py prints it without --json.
func (r Report) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s%5s%5s%5s%8s%8s%8s\n", "relation", "tp", "fp", "fn", "P", "R", "F1")
	for _, row := range r.relations() {
		c := row.c
		fmt.Fprintf(&b, "%-14s%5d%5d%5d%8.3f%8.3f%8.3f\n", row.name, c.TP, c.FP, c.FN, c.Precision, c.Recall, c.F1)
	}
	fmt.Fprintf(&b, "claim attribution accuracy (statement found, right speaker): %.3f of %d\n",
		r.ClaimAttributionAccuracy, r.ClaimsFoundAnySpeaker)
	return b.String()
}

// JSON formats the report exactly as score.py --json prints it (one line,
// with its final newline).
func (r Report) JSON() string {
	var b strings.Builder
	b.WriteByte('{')
	for _, row := range r.relations() {
		c := row.c
		fmt.Fprintf(&b, `"%s": {"tp": %d, "fp": %d, "fn": %d, "precision": %s, "recall": %s, "f1": %s}, `,
			row.name, c.TP, c.FP, c.FN, pyJSONFloat(c.Precision), pyJSONFloat(c.Recall), pyJSONFloat(c.F1))
	}
	fmt.Fprintf(&b, `"claim_attribution_accuracy": %s, "claims_found_any_speaker": %d}`+"\n",
		pyJSONFloat(r.ClaimAttributionAccuracy), r.ClaimsFoundAnySpeaker)
	return b.String()
}

// ErrorLines lists the missed gold facts and the wrong predictions as
// score.py --show-errors prints them: "MISSED <relation>: <json>" and
// "WRONG  <relation>: <json>", the JSON cut to 300 characters, relation by
// relation, missed before wrong. Gold entries read by LoadGold or ParseGold
// are printed as they appear in the file.
func (r Report) ErrorLines() []string {
	var out []string
	add := func(tag, rel string, v jval) {
		out = append(out, tag+" "+rel+": "+pyTruncate(pyDumps(v), 300))
	}
	for _, g := range r.Missed.Persons {
		add("MISSED", "persons", g.jval())
	}
	for _, p := range r.Wrong.Persons {
		add("WRONG ", "persons", jval{kind: jStr, s: p.Name})
	}
	for _, g := range r.Missed.Affiliations {
		add("MISSED", "affiliations", g.jval())
	}
	for _, p := range r.Wrong.Affiliations {
		add("WRONG ", "affiliations", object("person", p.Person, "organisation", p.Organisation,
			"role", p.Role, "current", jvalOf(p.Current)))
	}
	for _, g := range r.Missed.Claims {
		add("MISSED", "claims", g.jval())
	}
	for _, p := range r.Wrong.Claims {
		add("WRONG ", "claims", object("person", p.Person, "statement", p.Statement, "kind", p.Kind))
	}
	for _, g := range r.Missed.Positions {
		add("MISSED", "positions", g.jval())
	}
	for _, p := range r.Wrong.Positions {
		add("WRONG ", "positions", object("country", p.Country, "stance", p.Stance, "issue", p.Issue))
	}
	return out
}

// object builds a JSON object from alternating keys and values (strings or
// jvals).
func object(kv ...any) jval {
	o := jval{kind: jObj}
	for i := 0; i < len(kv); i += 2 {
		o.keys = append(o.keys, kv[i].(string))
		o.vals = append(o.vals, jvalOf(kv[i+1]))
	}
	return o
}

func strList(xs []string) jval {
	v := jval{kind: jArr, arr: []jval{}}
	for _, x := range xs {
		v.arr = append(v.arr, jval{kind: jStr, s: x})
	}
	return v
}

func withOptional(o jval, optional bool) jval {
	if optional {
		o.keys = append(o.keys, "optional")
		o.vals = append(o.vals, jval{kind: jBool, b: true})
	}
	return o
}

func (g GoldPerson) jval() jval {
	if g.raw != nil {
		return *g.raw
	}
	return withOptional(object("name", g.Name, "aliases", strList(g.Aliases)), g.Optional)
}

func (g GoldAffiliation) jval() jval {
	if g.raw != nil {
		return *g.raw
	}
	return withOptional(object("person", g.Person, "organisation", g.Organisation, "role", g.Role,
		"current", g.Current), g.Optional)
}

func (g GoldClaim) jval() jval {
	if g.raw != nil {
		return *g.raw
	}
	o := object("person", g.Person, "kind", g.Kind, "statement", g.Statement)
	if len(g.StatementAlt) > 0 {
		o = object("person", g.Person, "kind", g.Kind, "statement", g.Statement, "statement_alt", strList(g.StatementAlt))
	}
	return withOptional(o, g.Optional)
}

func (g GoldPosition) jval() jval {
	if g.raw != nil {
		return *g.raw
	}
	return withOptional(object("country", g.Country, "stance", g.Stance, "issue", g.Issue,
		"evidence", g.Evidence), g.Optional)
}
