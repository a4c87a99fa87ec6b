package storebench

import (
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// Vocabulary of the generated graph.
const (
	nsSchema = "http://schema.org/"
	nsNG     = "https://newsgraph.dev/ns#"
	nsID     = "https://newsgraph.dev/id/"
	rdfType  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	xsdDate  = "http://www.w3.org/2001/XMLSchema#date"
)

// Shape of the generated graph.
const (
	numArticles       = 2000
	numPersons        = 1500
	numOrgs           = 200
	numCountries      = 60
	personsPerArticle = 4
	claimsPerArticle  = 5
	wordsPerClaim     = 40
	// QuadsPerArticle is the number of quads generateArticle makes.
	quadsPerArticle = 60
)

var (
	firstNames = strings.Fields(`Anna Boris Carla Dmitri Elena Farid Greta Hiro Ines Jonas
		Karin Liam Maria Nikolai Olga Pavel Quentin Rosa Sergei Tanya Umar Vera Walter
		Xenia Yuki Zofia Ahmed Bianca Chen Daria Emil Fatima Gustav Hana Ivan Julia Kenji
		Lena Marco Nadia Oscar Petra Rafael Sofia Tomas Ulla Viktor Wanda Yusuf Zara`)
	lastNames = strings.Fields(`Abe Berg Costa Dahl Eriksen Fischer Garcia Horvat Ito Jensen
		Kowalski Lindqvist Moreau Novak Olsen Petrov Quinn Rossi Sato Tanaka Ueda Varga Weber
		Xu Yamada Zielinski Alvarez Bauer Castro Dubois Ekberg Ferreira Gupta Hansen Ibrahim
		Jovanovic Kim Larsen Muller Nakamura`)
	orgWords = strings.Fields(`Ministry Council Agency Institute Bank Union Party Committee
		Foundation Bureau`)
	orgTopics = strings.Fields(`Defence Finance Energy Trade Health Transport Agriculture
		Justice Culture Science Labour Interior Fisheries Education Tourism Water Mining
		Digital Housing Climate`)
	countries = strings.Fields(`Albania Argentina Armenia Australia Austria Belgium Brazil
		Bulgaria Canada Chile China Croatia Cyprus Czechia Denmark Egypt Estonia Finland
		France Georgia Germany Greece Hungary Iceland India Indonesia Ireland Israel Italy
		Japan Kazakhstan Kenya Latvia Lithuania Malta Mexico Moldova Mongolia Morocco Nepal
		Netherlands Nigeria Norway Pakistan Peru Poland Portugal Romania Russia Serbia
		Slovakia Slovenia Spain Sweden Switzerland Turkey Ukraine Uruguay Vietnam Zambia`)
	words = strings.Fields(`the a of to and in on for with that this will not be is are was
		were minister government talks security agreement islands defence cooperation
		region economic sanctions summit trade energy pipeline border treaty military
		exercises dialogue partners stability peace nuclear missile programme foreign
		policy bilateral relations investment visit delegation week statement position
		issue support oppose consider important necessary mutual trust future joint
		development project negotiations parties sides concerns interests framework
		strategic meeting president prime parliament vote budget reform election
		market growth inflation crisis response measures international community
		council resolution proposal draft agenda progress result urged said stressed
		noted added believes hopes expects warned rejected welcomed`)
)

type person struct {
	iri  quad.IRI
	name string
	org  int
}

type dataset struct {
	persons   []person
	orgs      []quad.IRI
	orgNames  []string
	countries []quad.IRI
	// articles holds the quads of each article, in order; every quad of
	// article i has articles[i][0].Label as label.
	articles [][]quad.Quad
}

// all returns every quad of the data set, article after article.
func (d *dataset) all() []quad.Quad {
	out := make([]quad.Quad, 0, len(d.articles)*quadsPerArticle)
	for _, a := range d.articles {
		out = append(out, a...)
	}
	return out
}

func slug(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", "-"))
}

func iri(s string) quad.IRI        { return quad.IRI(s) }
func sch(s string) quad.IRI        { return quad.IRI(nsSchema + s) }
func ng(s string) quad.IRI         { return quad.IRI(nsNG + s) }
func typed(s, t string) quad.Value { return quad.TypedString{Value: quad.String(s), Type: quad.IRI(t)} }

// generate builds the news-graph shaped data set deterministically:
// numArticles articles of quadsPerArticle quads each, labelled with the
// article's IRI. Persons and organisations recur across articles (as the
// same node, in quads with other labels); claims do not.
func generate(articles int) *dataset {
	r := rand.New(rand.NewPCG(20170328, 42))
	d := &dataset{}
	for i := 0; i < numOrgs; i++ {
		name := fmt.Sprintf("%s of %s %d", orgWords[i%len(orgWords)], orgTopics[(i/len(orgWords))%len(orgTopics)], i)
		d.orgNames = append(d.orgNames, name)
		d.orgs = append(d.orgs, iri(nsID+"org/"+slug(name)))
	}
	for i := 0; i < numCountries; i++ {
		d.countries = append(d.countries, iri(nsID+"country/"+slug(countries[i%len(countries)])))
	}
	for i := 0; i < numPersons; i++ {
		name := firstNames[i%len(firstNames)] + " " + lastNames[(i/len(firstNames))%len(lastNames)]
		d.persons = append(d.persons, person{
			iri:  iri(nsID + "person/" + slug(name)),
			name: name,
			org:  r.IntN(numOrgs),
		})
	}
	sentence := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.IntN(len(words))]
		}
		return strings.Join(ws, " ")
	}
	for a := 0; a < articles; a++ {
		art := iri(fmt.Sprintf("%sarticle/%05d", nsID, a))
		qs := make([]quad.Quad, 0, quadsPerArticle)
		add := func(s quad.Value, p quad.IRI, o quad.Value) {
			qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: art})
		}
		// the article: 5
		pub := r.IntN(numOrgs)
		add(art, rdfTypeIRI, sch("NewsArticle"))
		add(art, sch("headline"), quad.String(sentence(8)))
		add(art, sch("datePublished"), typed(fmt.Sprintf("2017-%02d-%02d", 1+a%12, 1+a%28), xsdDate))
		add(art, sch("publisher"), d.orgs[pub])
		add(art, sch("keywords"), quad.String(words[r.IntN(len(words))]))
		// its publisher: 2
		add(d.orgs[pub], rdfTypeIRI, sch("Organization"))
		add(d.orgs[pub], sch("name"), quad.String(d.orgNames[pub]))
		// the country it is about: 2
		c := r.IntN(numCountries)
		add(d.countries[c], rdfTypeIRI, sch("Country"))
		add(d.countries[c], sch("name"), quad.String(countries[c%len(countries)]))
		// persons: 4 x 4
		// distinct persons, so that no quad repeats within an article
		ps := r.Perm(numPersons)[:personsPerArticle]
		for i := range ps {
			p := d.persons[ps[i]]
			add(p.iri, rdfTypeIRI, sch("Person"))
			add(p.iri, sch("name"), quad.String(p.name))
			add(p.iri, sch("affiliation"), d.orgs[p.org])
			add(p.iri, ng("mentionedIn"), art)
		}
		// claims: 5 x 7
		for i := 0; i < claimsPerArticle; i++ {
			cl := iri(fmt.Sprintf("%sclaim/%05d-%d", nsID, a, i))
			kind := "direct"
			if r.IntN(3) == 0 {
				kind = "indirect"
			}
			var about quad.Value = d.countries[c]
			if r.IntN(2) == 0 {
				about = d.orgs[d.persons[ps[r.IntN(len(ps))]].org]
			}
			add(cl, rdfTypeIRI, ng("Claim"))
			add(cl, sch("text"), quad.String(sentence(wordsPerClaim)))
			add(cl, sch("spokenByCharacter"), d.persons[ps[i%len(ps)]].iri)
			add(cl, ng("kind"), quad.String(kind))
			add(cl, ng("mentions"), about)
			add(cl, sch("isPartOf"), art)
			add(cl, ng("rule"), quad.String(fmt.Sprintf("claim.%s.%d", kind, r.IntN(12))))
		}
		if len(qs) != quadsPerArticle {
			panic(fmt.Sprintf("article has %d quads, want %d", len(qs), quadsPerArticle))
		}
		d.articles = append(d.articles, qs)
	}
	return d
}

var rdfTypeIRI = quad.IRI(rdfType)

var (
	fullOnce sync.Once
	fullData *dataset
)

// full is the benchmark data set: numArticles articles, 120,000 quads.
func full() *dataset {
	fullOnce.Do(func() { fullData = generate(numArticles) })
	return fullData
}

// movies reads Cayley's 30k-movie data set from the module cache.
func movies() ([]quad.Quad, error) {
	dir, err := moduleDir("github.com/cayleygraph/cayley")
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "data", "30kmoviedata.nq.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return quad.ReadAll(nquads.NewReader(gz, false))
}
