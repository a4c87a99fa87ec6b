package extract

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/data"
)

// Lexicon is the general knowledge of English news the extractor relies on:
// countries with their other names, demonyms, capitals and seats of
// government; titles; organisation words; speech verbs; stance cues; page
// clutter; given names. It is loaded from text files (see data/lexicon).
type Lexicon struct {
	countries []string // canonical names
	// countryForms maps a lower-cased form ("russian", "moscow", "the kremlin"
	// minus "the") to the country and the kind of form.
	countryForms    map[string]countryForm
	maxCountryWords int
	countryFirst    map[string]bool // first words of the forms (and "the"), to skip other words fast
	unions          map[string]bool // unions of states ("European Union")

	titleHeads     map[string]string // lower-cased head phrase → class
	headFirstWords map[string]bool   // first words of multi-word heads ("prime")
	headCountry    map[string]string // heads of one country's offices ("foreign secretary")
	orgNames       map[string]string // another name of a well-known body → its full name
	bodyNames      map[string]bool   // the full names of the well-known bodies
	bodies         map[string]string // "commissioner|European Union" → the body such an office holder sits on
	maxHeadWords   int
	titleModifiers map[string]bool
	titleDomains   map[string]bool
	maxDomainWords int
	honorifics     map[string]string // lower-cased → "address" or "title"

	orgHeads    map[string]bool
	eventHeads  map[string]bool // heads of event, prize and venue names ("Cup")
	orgParts    map[string]bool
	orgSuffixes map[string]bool
	teamEnds    map[string]bool // "United", "Rovers": the last word of a club's name
	// notOrgAcronyms are capitalised abbreviations that are not organisations.
	notOrgAcronyms map[string]bool
	groupWords     map[string]bool // "Democrats": a group, not a person
	creedWords     map[string]bool // "Catholic": a faith's word, neither person nor organisation
	orgNouns       map[string]bool // "company": an appositive naming an organisation
	// parties maps a party adjective ("Conservative") to the party's name.
	parties map[string]string

	speechVerbs map[string]bool // single words; multi-word verbs in speechMulti
	speechMulti phrases
	thatPhrases phrases
	leads       [][]string // with "{P}" for the speaker
	callVerbs   map[string]bool
	participles map[string]bool // "saying": reports the clause subject's words
	audience    map[string]bool // nouns ending the object of "told"

	stances []stanceCue
	// stancesByWord indexes the stance cues by their first word; cues that
	// start with a gap ("*") are under "*".
	stancesByWord map[string][]stanceCue
	stancesGap    []stanceCue // stancesByWord["*"]

	// words holds, for each lower-case word that starts a cue, phrase or
	// country form or is a speech word, what the lexicon says of it: the
	// extractor looks a token's word up once (doc.info), not once per rule
	words map[string]*wordInfo

	clutterPrefixes [][]byte
	clutterContains [][]byte
	clutterLines    map[string]bool

	givenNames  map[string]bool
	occupations map[string]bool   // "actor", "sprinter": a name after one is a person's
	givenGender map[string]string // given name → "m" or "f"
	familyFirst map[string]bool
	commonWords map[string]bool // lower-cased ordinary English words ("time", "standard")
	// nameForms maps a familiar given name and its full name to each
	// other ("Dave" and "David").
	nameForms map[string][]string
}

// countryForm kinds.
const (
	formName    = "name"
	formDemonym = "demonym"
	formCapital = "capital"
	formSeat    = "seat"
)

type countryForm struct {
	country string
	kind    string
}

type stanceCue struct {
	stance string
	words  []string // lower-cased; "{X}" marks the issue, "*" a gap
	verbal bool     // the issue is an infinitive verb phrase ("{V}")
	noun   bool     // the pattern starts with a noun: a possessive holder may precede it
}

var (
	defaultLexicon     *Lexicon
	defaultLexiconErr  error
	defaultLexiconOnce sync.Once
)

// DefaultLexicon returns the lexicon embedded in the binary (data/lexicon).
func DefaultLexicon() (*Lexicon, error) {
	defaultLexiconOnce.Do(func() {
		sub, err := fs.Sub(data.Lexicons, "lexicon")
		if err != nil {
			defaultLexiconErr = err
			return
		}
		defaultLexicon, defaultLexiconErr = LoadLexicon(sub)
	})
	return defaultLexicon, defaultLexiconErr
}

// LoadLexicon reads a lexicon from the files of fsys: countries.tsv,
// titles.tsv, orgwords.tsv, speech.tsv, stances.tsv, clutter.tsv,
// parties.tsv, organisations.tsv, given-names.txt, occupations.txt,
// given-name-gender.tsv, family-first.txt, common-words.txt and
// given-name-forms.tsv.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	lx := &Lexicon{
		countryForms:   map[string]countryForm{},
		countryFirst:   map[string]bool{"the": true},
		unions:         map[string]bool{},
		titleHeads:     map[string]string{},
		headFirstWords: map[string]bool{},
		headCountry:    map[string]string{},
		orgNames:       map[string]string{},
		bodyNames:      map[string]bool{},
		bodies:         map[string]string{},
		titleModifiers: map[string]bool{},
		titleDomains:   map[string]bool{},
		honorifics:     map[string]string{},
		orgHeads:       map[string]bool{},
		eventHeads:     map[string]bool{},
		orgParts:       map[string]bool{},
		orgSuffixes:    map[string]bool{},
		teamEnds:       map[string]bool{},
		notOrgAcronyms: map[string]bool{},
		groupWords:     map[string]bool{},
		creedWords:     map[string]bool{},
		orgNouns:       map[string]bool{},
		parties:        map[string]string{},
		speechVerbs:    map[string]bool{},
		callVerbs:      map[string]bool{},
		participles:    map[string]bool{},
		audience:       map[string]bool{},
		clutterLines:   map[string]bool{},
		givenNames:     map[string]bool{},
		occupations:    map[string]bool{},
		givenGender:    map[string]string{},
		familyFirst:    map[string]bool{},
		commonWords:    map[string]bool{},
		nameForms:      map[string][]string{},
	}
	loaders := []struct {
		name string
		cols int
		fn   func(cols []string) error
	}{
		{"countries.tsv", 5, lx.addCountry},
		{"titles.tsv", 2, lx.addTitle},
		{"orgwords.tsv", 2, lx.addOrgWord},
		{"speech.tsv", 2, lx.addSpeech},
		{"stances.tsv", 2, lx.addStance},
		{"clutter.tsv", 2, lx.addClutter},
		{"parties.tsv", 2, func(c []string) error { lx.parties[lowerKey(c[0])] = c[1]; return nil }},
		{"organisations.tsv", 2, lx.addOrgNames},
		{"given-names.txt", 1, func(c []string) error { lx.givenNames[c[0]] = true; return nil }},
		{"occupations.txt", 1, func(c []string) error { lx.occupations[c[0]] = true; return nil }},
		{"given-name-gender.tsv", 2, lx.addGivenGender},
		{"family-first.txt", 1, func(c []string) error { lx.familyFirst[c[0]] = true; return nil }},
		{"common-words.txt", 1, func(c []string) error { lx.commonWords[c[0]] = true; return nil }},
		{"given-name-forms.tsv", 2, func(c []string) error {
			lx.nameForms[c[0]] = append(lx.nameForms[c[0]], c[1])
			lx.nameForms[c[1]] = append(lx.nameForms[c[1]], c[0])
			return nil
		}},
	}
	for _, l := range loaders {
		if err := readTable(fsys, l.name, l.cols, l.fn); err != nil {
			return nil, err
		}
	}
	sort.Strings(lx.countries)
	// the longest stance pattern first: "protested to * over {X}" before
	// "protested {X}"
	for _, cues := range lx.stancesByWord {
		sort.SliceStable(cues, func(a, b int) bool { return len(cues[a].words) > len(cues[b].words) })
	}
	lx.stancesGap = lx.stancesByWord["*"]
	lx.indexWords()
	return lx, nil
}

// readTable calls fn with the tab-separated columns of every line of a lexicon
// file that is neither empty nor a comment.
func readTable(fsys fs.FS, name string, cols int, fn func([]string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < cols {
			return fmt.Errorf("lexicon %s:%d: want %d tab-separated columns, got %d", path.Base(name), n, cols, len(c))
		}
		for i := range c {
			c[i] = strings.TrimSpace(c[i])
		}
		if err := fn(c); err != nil {
			return fmt.Errorf("lexicon %s:%d: %w", path.Base(name), n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon %s: %w", name, err)
	}
	return nil
}

func splitList(s string) []string {
	if s == "-" || s == "" {
		return nil
	}
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (lx *Lexicon) addCountry(c []string) error {
	name := c[0]
	lx.countries = append(lx.countries, name)
	add := func(form, kind string) {
		key := lowerKey(form)
		if key == "" {
			return
		}
		if _, dup := lx.countryForms[key]; dup {
			return // the first listed country keeps an ambiguous form
		}
		lx.countryForms[key] = countryForm{country: name, kind: kind}
		fields := strings.Fields(key)
		if n := len(fields); n > lx.maxCountryWords {
			lx.maxCountryWords = n
		}
		lx.countryFirst[strings.TrimSuffix(fields[0], "'s")] = true // ("People's Republic of China": "People" is a token of its own)
	}
	if len(c) > 5 {
		switch c[5] {
		case "union":
			lx.unions[name] = true
		case "", "-":
		default:
			return fmt.Errorf("country %q: unknown kind %q", name, c[5])
		}
	}
	add(name, formName)
	for _, f := range splitList(c[1]) {
		add(f, formName)
	}
	for _, f := range splitList(c[2]) {
		add(f, formDemonym)
	}
	for _, f := range splitList(c[3]) {
		add(f, formCapital)
	}
	for _, f := range splitList(c[4]) {
		add(f, formSeat)
	}
	return nil
}

func (lx *Lexicon) addTitle(c []string) error {
	key := lowerKey(c[1])
	switch c[0] {
	case "head":
		if len(c) < 3 {
			return fmt.Errorf("head %q has no class", c[1])
		}
		lx.titleHeads[key] = c[2]
		if len(c) > 3 && c[3] != "" {
			lx.headCountry[key] = c[3]
		}
		if w := strings.Fields(key); len(w) > 1 {
			lx.headFirstWords[w[0]] = true
		}
		if n := len(strings.Fields(key)); n > lx.maxHeadWords {
			lx.maxHeadWords = n
		}
	case "body":
		if len(c) < 4 || c[2] == "" || c[3] == "" {
			return fmt.Errorf("body %q needs a country and a body", c[1])
		}
		lx.bodies[key+"|"+c[2]] = c[3]
	case "modifier":
		lx.titleModifiers[key] = true
	case "domain":
		lx.titleDomains[key] = true
		if n := len(strings.Fields(key)); n > lx.maxDomainWords {
			lx.maxDomainWords = n
		}
	case "honorific":
		class := "address"
		if len(c) > 2 {
			class = c[2]
		}
		lx.honorifics[key] = class
	default:
		return fmt.Errorf("unknown kind %q", c[0])
	}
	return nil
}

// addOrgNames reads a line of organisations.tsv: a full name and its
// other names.
func (lx *Lexicon) addOrgNames(c []string) error {
	lx.bodyNames[c[0]] = true
	for _, alt := range strings.Split(c[1], ",") {
		alt = strings.TrimSpace(alt)
		if alt == "" {
			return fmt.Errorf("%s: empty other name", c[0])
		}
		lx.orgNames[alt] = c[0]
	}
	return nil
}

// addGivenGender reads a line of given-name-gender.tsv: a given name and
// its gender, m or f.
func (lx *Lexicon) addGivenGender(c []string) error {
	if c[1] != "m" && c[1] != "f" {
		return fmt.Errorf("%s: gender %q is neither m nor f", c[0], c[1])
	}
	lx.givenGender[c[0]] = c[1]
	return nil
}

// isKnownBody reports whether name is a well-known body's full name or
// one of its other names: "The United Nations warned" is no person's.
func (lx *Lexicon) isKnownBody(name string) bool {
	_, other := lx.orgNames[name]
	return other || lx.bodyNames[name]
}

// knownBodyName returns the full name of a well-known body named another
// way ("UN" → "United Nations"), or name.
func (lx *Lexicon) knownBodyName(name string) string {
	if full, ok := lx.orgNames[name]; ok {
		return full
	}
	return name
}

func (lx *Lexicon) addOrgWord(c []string) error {
	switch c[0] {
	case "head":
		lx.orgHeads[c[1]] = true
	case "event":
		lx.eventHeads[c[1]] = true
	case "part":
		lx.orgParts[c[1]] = true
	case "suffix":
		lx.orgSuffixes[c[1]] = true
	case "team":
		lx.teamEnds[c[1]] = true
	case "notorg":
		lx.notOrgAcronyms[c[1]] = true
	case "group":
		lx.groupWords[c[1]] = true
	case "creed":
		lx.creedWords[c[1]] = true
	case "noun":
		lx.orgNouns[strings.ToLower(c[1])] = true
	default:
		return fmt.Errorf("unknown kind %q", c[0])
	}
	return nil
}

func (lx *Lexicon) addSpeech(c []string) error {
	words := strings.Fields(strings.ToLower(c[1]))
	switch c[0] {
	case "verb":
		if len(words) == 1 {
			lx.speechVerbs[words[0]] = true
		} else {
			lx.speechMulti.add(words)
		}
	case "that":
		lx.thatPhrases.add(words)
	case "lead":
		lx.leads = append(lx.leads, words)
	case "call":
		lx.callVerbs[words[0]] = true
	case "participle":
		lx.participles[words[0]] = true
	case "audience":
		lx.audience[words[0]] = true
	default:
		return fmt.Errorf("unknown kind %q", c[0])
	}
	return nil
}

func (lx *Lexicon) addStance(c []string) error {
	if c[0] != Supports && c[0] != Opposes {
		return fmt.Errorf("stance %q is neither %s nor %s", c[0], Supports, Opposes)
	}
	words := strings.Fields(strings.ToLower(c[1]))
	slots, verbal := 0, false
	for i, w := range words {
		switch w {
		case "{x}":
			words[i], slots = "{X}", slots+1
		case "{v}":
			words[i], slots, verbal = "{X}", slots+1, true
		}
	}
	if slots != 1 {
		return fmt.Errorf("stance pattern %q: want one {X} or {V}, got %d", c[1], slots)
	}
	cue := stanceCue{stance: c[0], words: words, verbal: verbal}
	if len(c) > 2 {
		switch c[2] {
		case "noun":
			cue.noun = true
		case "", "-":
		default:
			return fmt.Errorf("stance pattern %q: unknown kind %q", c[1], c[2])
		}
	}
	lx.stances = append(lx.stances, cue)
	if lx.stancesByWord == nil {
		lx.stancesByWord = map[string][]stanceCue{}
	}
	keys := []string{words[0]}
	if beForm(words[0]) {
		keys = []string{"is", "are", "was", "were"} // "is ready to" also matches "was ready to"
	}
	for _, k := range keys {
		lx.stancesByWord[k] = append(lx.stancesByWord[k], cue)
	}
	return nil
}

func (lx *Lexicon) addClutter(c []string) error {
	switch c[0] {
	case "prefix":
		lx.clutterPrefixes = append(lx.clutterPrefixes, []byte(strings.ToLower(c[1])))
	case "line":
		lx.clutterLines[strings.ToLower(c[1])] = true
	case "contains":
		lx.clutterContains = append(lx.clutterContains, []byte(strings.ToLower(c[1])))
	default:
		return fmt.Errorf("unknown kind %q", c[0])
	}
	return nil
}

// lowerKey normalises a phrase for lexicon look-up: lower case, typographic
// apostrophes made straight, one space between words, no leading "the".
func lowerKey(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimPrefix(s, "the ")
}

// Country returns the canonical name of the country a form names ("Russian",
// "Moscow", "UK"), and whether it is one.
func (lx *Lexicon) Country(form string) (string, bool) {
	f, ok := lx.countryForms[lowerKey(form)]
	return f.country, ok
}

// Countries returns the canonical names of all countries in the lexicon.
func (lx *Lexicon) Countries() []string { return append([]string(nil), lx.countries...) }

// hashLexicon hashes the embedded lexicon files.
func hashLexicon() string {
	h := sha256.New()
	entries, _ := fs.ReadDir(data.Lexicons, "lexicon")
	for _, e := range entries {
		b, _ := fs.ReadFile(data.Lexicons, "lexicon/"+e.Name())
		h.Write([]byte(e.Name()))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// phrases are multi-word phrases of the lexicon, lower-cased, indexed by
// their first word so that looking for one at a token costs one map
// look-up, not a comparison with each.
type phrases struct {
	byFirst map[string][][]string
}

func (ps *phrases) add(words []string) {
	if ps.byFirst == nil {
		ps.byFirst = map[string][][]string{}
	}
	ps.byFirst[words[0]] = append(ps.byFirst[words[0]], words)
}

// wordInfo is what the lexicon says of one lower-case word.
type wordInfo struct {
	stances       []stanceCue // the stance cues it starts
	speechPhrases [][]string  // the multi-word speech verbs it starts
	thatPhrases   [][]string  // the "that" phrases it starts
	speechVerb    bool
	callVerb      bool
	participle    bool
	countryFirst  bool // it starts a country's form
}

// noWord is the wordInfo of a word the lexicon does not know.
var noWord wordInfo

// indexWords fills lx.words from the lexicon's lists.
func (lx *Lexicon) indexWords() {
	lx.words = map[string]*wordInfo{}
	at := func(w string) *wordInfo {
		wi := lx.words[w]
		if wi == nil {
			wi = &wordInfo{}
			lx.words[w] = wi
		}
		return wi
	}
	for w, cues := range lx.stancesByWord {
		if w != "*" {
			at(w).stances = cues
		}
	}
	for w, ps := range lx.speechMulti.byFirst {
		at(w).speechPhrases = ps
	}
	for w, ps := range lx.thatPhrases.byFirst {
		at(w).thatPhrases = ps
	}
	for w := range lx.speechVerbs {
		at(w).speechVerb = true
	}
	for w := range lx.callVerbs {
		at(w).callVerb = true
	}
	for w := range lx.participles {
		at(w).participle = true
	}
	for w := range lx.countryFirst {
		at(w).countryFirst = true
	}
}

// phraseAt returns the first of phrases, in lexicon order, whose words
// start at token i.
func (d *doc) phraseAt(phrases [][]string, i int) ([]string, bool) {
	for _, p := range phrases {
		if d.matchWords(i, p) {
			return p, true
		}
	}
	return nil, false
}

func beForm(w string) bool { return w == "is" || w == "are" || w == "was" || w == "were" }
