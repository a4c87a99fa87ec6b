package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// scorePy is the Python scorer this package ports.
const scorePy = "/work/shared/eval/score.py"

// pythonScorer returns the python3 binary, or skips the test when python3
// or the scorer is absent: the cross-check is a development check.
func pythonScorer(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("cross-check with score.py skipped in -short mode")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	if _, err := os.Stat(scorePy); err != nil {
		t.Skipf("%s not found", scorePy)
	}
	return py
}

// runPy runs score.py as a command and returns its stdout and stderr.
func runPy(t *testing.T, py string, args ...string) (string, string) {
	t.Helper()
	cmd := exec.Command(py, append([]string{scorePy}, args...)...)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("score.py %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// pyDriver runs score.py's main() once per argument list in one Python
// process, with its pure text helpers memoised (score.py recomputes the
// tokens of both sides for every pair it compares, which takes seconds on a
// few hundred rows). It returns each run's stdout and stderr.
const pyDriver = `import contextlib, functools, io, json, sys
sys.path.insert(0, sys.argv[1])
import score
for name in ("norm", "countryize", "toks", "name_parts", "edit1"):  # pure; results are never mutated
    setattr(score, name, functools.lru_cache(maxsize=None)(getattr(score, name)))
runs = []
for args in json.load(sys.stdin):
    sys.argv = ["score.py"] + args
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        score.main()
    runs.append([out.getvalue(), err.getvalue()])
json.dump(runs, sys.stdout)
`

func runPyDriver(t *testing.T, py string, argLists [][]string) [][2]string {
	t.Helper()
	cmd := exec.Command(py, "-c", pyDriver, filepath.Dir(scorePy))
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	data, _ := json.Marshal(argLists)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.String())
	}
	var runs [][2]string
	if err := json.Unmarshal(out, &runs); err != nil || len(runs) != len(argLists) {
		t.Fatalf("python driver output: %v (%d runs)", err, len(runs))
	}
	return runs
}

// pyArgs are score.py's arguments for a set written to paths.
func pyArgs(s predSet, paths []string) []string {
	return []string{filepath.Join("testdata", s.gold),
		"--persons", paths[0], "--affiliations", paths[1], "--claims", paths[2], "--positions", paths[3]}
}

// compareJSON requires the same numbers and the same text as score.py --json.
func compareJSON(t *testing.T, rep Report, out string) {
	t.Helper()
	var want, got map[string]any
	if err := json.Unmarshal([]byte(out), &want); err != nil {
		t.Fatalf("score.py output: %v\n%s", err, out)
	}
	if err := json.Unmarshal([]byte(rep.JSON()), &got); err != nil {
		t.Fatalf("Report.JSON: %v\n%s", err, rep.JSON())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("numbers differ\n go: %s\npy:  %s", rep.JSON(), out)
	} else if rep.JSON() != out {
		t.Errorf("JSON text differs\n go: %q\npy:  %q", rep.JSON(), out)
	}
	var viaMarshal map[string]any
	data, _ := json.Marshal(rep)
	if err := json.Unmarshal(data, &viaMarshal); err != nil || !reflect.DeepEqual(viaMarshal, want) {
		t.Errorf("json.Marshal(Report) = %s, want the numbers of %s", data, out)
	}
}

var updateGolden = flag.Bool("update-golden", false, "rewrite "+goldenFile+" from score.py's output")

// TestCrossCheck scores every prediction set with score.py and with Score
// and requires the same numbers, the same --json text, the same table and
// the same --show-errors lines.
func TestCrossCheck(t *testing.T) {
	py := pythonScorer(t)
	sets := allSets(t)
	reps := make([]Report, len(sets))
	var argLists [][]string
	for i, s := range sets {
		dir := t.TempDir()
		reps[i] = s.goScore(t, dir)
		args := pyArgs(s, s.write(t, dir))
		argLists = append(argLists, append(slices.Clone(args), "--json", "--show-errors"), args)
	}
	runs := runPyDriver(t, py, argLists)
	if *updateGolden {
		var golden []goldenRun
		for i, s := range sets {
			golden = append(golden, goldenRun{Set: s.name, JSON: runs[2*i][0], Errors: runs[2*i][1], Table: runs[2*i+1][0]})
		}
		data, err := json.MarshalIndent(golden, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenFile, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range sets {
		t.Run(s.name, func(t *testing.T) {
			rep := reps[i]
			out, errs := runs[2*i][0], runs[2*i][1]
			compareJSON(t, rep, out)
			wantLines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
			if errs == "" {
				wantLines = nil
			}
			gotLines := rep.ErrorLines()
			for i := range max(len(gotLines), len(wantLines)) {
				var g, w string
				if i < len(gotLines) {
					g = gotLines[i]
				}
				if i < len(wantLines) {
					w = wantLines[i]
				}
				if g != w {
					t.Errorf("error line %d differs\n go: %s\npy:  %s", i, g, w)
				}
			}
			if table := runs[2*i+1][0]; rep.Table() != table {
				t.Errorf("table differs\ngo:\n%s\npy:\n%s", rep.Table(), table)
			}
			t.Logf("facts %+v persons %+v attribution %.3f of %d (%d error lines)", rep.Facts, rep.Persons,
				rep.ClaimAttributionAccuracy, rep.ClaimsFoundAnySpeaker, len(gotLines))
		})
	}
}

// TestCrossCheckCommand runs the unmodified score.py command on some sets
// (the way the README does) and requires the numbers of Score.
func TestCrossCheckCommand(t *testing.T) {
	py := pythonScorer(t)
	for _, s := range allSets(t) {
		switch s.name {
		case "perfect", "degraded", "odd-extra-positions":
		default:
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			rep := s.goScore(t, dir)
			out, _ := runPy(t, py, append(pyArgs(s, s.write(t, dir)), "--json")...)
			compareJSON(t, rep, out)
		})
	}
}

// TestCrossCheckMatchers compares the matchers with score.py's functions
// on strings taken from the gold files and on awkward text.
func TestCrossCheckMatchers(t *testing.T) {
	py := pythonScorer(t)
	var in []string
	for _, name := range []string{"seed.gold.json", "extra.gold.json"} {
		g := mustGold(t, name)
		for _, p := range g.Persons {
			in = append(in, p.Name)
			in = append(in, p.Aliases...)
		}
		for _, a := range g.Affiliations {
			in = append(in, a.Organisation, a.Role)
		}
		for _, c := range g.Claims {
			in = append(in, c.Statement)
		}
		for _, q := range g.Positions {
			in = append(in, q.Country, q.Issue, q.Evidence)
		}
	}
	in = append(in, "", " ", "'s", "’S", "<>", "<<x>>", "<The Kremlin's>", "u.s.", "U.S.A.", "the U.S.'s",
		"north  korean", "NORTH-KOREAN", "south\tkorean", "united states of america's", "Ｕ．Ｓ．", "Ünïcödé",
		"İstanbul", "ΣΟΦΟΣ's", "x\u0085y", "a\u1680b", "Ωmega", "ﬀ ﬃ", "x'ſ", "A_B's_c", "it's's's", "½ ²", "café’s",
		"\u00a0Russian\u2009side\u3000", "Kiev/Kyiv", "u s", "us-us-us", "usa-us", "eu-european union", "seriess")

	script := `import sys, json
sys.path.insert(0, sys.argv[1])
import score as s
out = []
for x in json.load(sys.stdin):
    out.append({"norm": s.norm(x), "country": s.countryize(x), "toks": sorted(s.toks(x)),
                "ctoks": sorted(s.toks(x, True)), "parts": s.name_parts(x)})
json.dump(out, sys.stdout)
`
	cmd := exec.Command(py, "-c", script, filepath.Dir(scorePy))
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	data, _ := json.Marshal(in)
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var want []struct {
		Norm    string   `json:"norm"`
		Country string   `json:"country"`
		Toks    []string `json:"toks"`
		CToks   []string `json:"ctoks"`
		Parts   []string `json:"parts"`
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, x := range in {
		w := want[i]
		if got := Norm(x); got != w.Norm {
			t.Errorf("Norm(%q) = %q, score.py %q", x, got, w.Norm)
		}
		if got := Countryize(x); got != w.Country {
			t.Errorf("Countryize(%q) = %q, score.py %q", x, got, w.Country)
		}
		if got := sortedKeys(Tokens(x, false)); !reflect.DeepEqual(got, orEmpty(w.Toks)) {
			t.Errorf("Tokens(%q, false) = %q, score.py %q", x, got, w.Toks)
		}
		if got := sortedKeys(Tokens(x, true)); !reflect.DeepEqual(got, orEmpty(w.CToks)) {
			t.Errorf("Tokens(%q, true) = %q, score.py %q", x, got, w.CToks)
		}
		if got := NameParts(x); !reflect.DeepEqual(orEmpty(got), orEmpty(w.Parts)) {
			t.Errorf("NameParts(%q) = %q, score.py %q", x, got, w.Parts)
		}
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
