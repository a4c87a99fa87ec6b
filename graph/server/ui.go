package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

// Strings of Cayley's UI bundle (github.com/cayleygraph/cayley/ui, web/) that
// the server rewrites in memory at startup.
const (
	// main.*.chunk.js: the API base URL every fetch is prefixed with.
	bundleAPIURL = `"http://localhost:64210"`
	// 2.*.chunk.js: @monaco-editor/react's loader config (loader.js and base).
	bundleMonacoCDN = "https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs"
	// main.*.chunk.css: the icon font.
	bundleIconsCDN = "@import url(https://fonts.googleapis.com/icon?family=Material+Icons);"
)

// bundlePatch is an in-memory edit of one UI file.
type bundlePatch struct {
	name     string
	glob     string // file(s) in web/ the patch applies to
	old, new string
	required bool // New fails if it does not apply
}

func uiPatches(monacoLocal, iconsLocal bool) []bundlePatch {
	ps := []bundlePatch{{
		name: "same-origin API", glob: "static/js/main.*.chunk.js",
		old: bundleAPIURL, new: `""`, required: true,
	}, {
		// Visualize: skip rows that are not objects (e.g. g.Emit("x")) instead
		// of crashing the page, and draw literals (no "@id") by their JSON text.
		name: "visualize rows", glob: "static/js/main.*.chunk.js",
		old: `if("source"in o&&"target"in o){var s=o.source["@id"],f=o.target["@id"];`,
		new: `if(o&&"object"==typeof o&&null!=o.source&&null!=o.target){var s=null!=o.source["@id"]?o.source["@id"]:JSON.stringify(o.source),f=null!=o.target["@id"]?o.target["@id"]:JSON.stringify(o.target);`,
	}, {
		// Write page: the bundle ignores the answer; show it (e.g. read-only refusal).
		name: "write feedback", glob: "static/js/main.*.chunk.js",
		old: `case"write":return void ue(t,e);case"delete":return void function(e,t){fetch("".concat(e,"/api/v2/delete"),{method:"POST",body:t})}(t,e);`,
		new: `case"write":return void ngReport(ue(t,e));case"delete":return void ngReport(fetch("".concat(t,"/api/v2/delete"),{method:"POST",body:e}));`,
	}}
	if monacoLocal {
		ps = append(ps, bundlePatch{
			name: "local Monaco", glob: "static/js/2.*.chunk.js",
			old: bundleMonacoCDN, new: monacoURL, required: true,
		})
	}
	if iconsLocal {
		ps = append(ps, bundlePatch{
			name: "local icon font", glob: "static/css/main.*.chunk.css",
			old: bundleIconsCDN, new: "@import url(" + iconsURL + "/filled.css);", required: true,
		})
	}
	return ps
}

// ngReportJS defines the helper used by the "write feedback" patch.
const ngReportJS = `function ngReport(p){p.then(function(r){return r.json().catch(function(){return{error:"HTTP "+r.status}})}).then(function(j){window.alert(j&&j.error?"Error: "+j.error:j&&j.result||"done")},function(x){window.alert("Error: "+x)})}` + "\n"

type memFile struct {
	data  []byte
	etag  string
	ctype string
}

// uiHandler serves Cayley's UI (with the rewritten files) and the vendored assets.
type uiHandler struct {
	files       http.Handler
	overlay     map[string]*memFile // URL path -> rewritten file
	vendor      map[string]http.Handler
	monacoLocal bool
	iconsLocal  bool
}

func newUIHandler(logf func(string, ...any)) (*uiHandler, error) {
	web, err := fs.Sub(ui.FS, "web")
	if err != nil {
		return nil, err
	}
	monaco, icons, monacoOK, iconsOK := localAssets()
	h := &uiHandler{
		files:       http.FileServer(http.FS(web)),
		overlay:     map[string]*memFile{},
		vendor:      map[string]http.Handler{},
		monacoLocal: monacoOK,
		iconsLocal:  iconsOK,
	}
	if monacoOK {
		h.vendor[monacoURL+"/"] = http.StripPrefix(monacoURL, http.FileServer(http.FS(monaco)))
	}
	if iconsOK {
		h.vendor[iconsURL+"/"] = http.StripPrefix(iconsURL, http.FileServer(http.FS(icons)))
	}

	contents := map[string][]byte{}
	for _, p := range uiPatches(monacoOK, iconsOK) {
		names, err := fs.Glob(web, p.glob)
		if err != nil {
			return nil, err
		}
		applied := 0
		for _, name := range names {
			data, ok := contents[name]
			if !ok {
				if data, err = fs.ReadFile(web, name); err != nil {
					return nil, err
				}
			}
			if n := bytes.Count(data, []byte(p.old)); n > 0 {
				data = bytes.ReplaceAll(data, []byte(p.old), []byte(p.new))
				applied += n
			}
			contents[name] = data
		}
		switch {
		case applied == 0 && p.required:
			return nil, fmt.Errorf("server: cannot patch Cayley's UI bundle (%s: %q not found in %s); the cayley module version is not the one this package supports", p.name, p.old, p.glob)
		case applied == 0:
			logf("server: warning: UI patch %q did not apply; serving that part of the UI unchanged", p.name)
		}
	}
	for name, data := range contents {
		if strings.HasPrefix(path.Base(name), "main.") && strings.HasSuffix(name, ".js") && bytes.Contains(data, []byte("ngReport(")) {
			data = append([]byte(ngReportJS), data...)
		}
		sum := sha256.Sum256(data)
		h.overlay["/"+name] = &memFile{data: data, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, ctype: contentType(name)}
	}
	return h, nil
}

func (h *uiHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if strings.HasPrefix(p, "/api/") {
		writeError(w, http.StatusNotFound, "no such API endpoint: "+p)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	if f, ok := h.overlay[p]; ok {
		w.Header().Set("Content-Type", f.ctype)
		w.Header().Set("ETag", f.etag)
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, path.Base(p), time.Time{}, bytes.NewReader(f.data))
		return
	}
	if p != "/" && strings.HasSuffix(p, "/") {
		http.NotFound(w, r) // no directory listings
		return
	}
	if p == "/" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", contentType(p))
	}
	for prefix, vh := range h.vendor {
		if strings.HasPrefix(p, prefix) {
			w.Header().Set("Cache-Control", "public, max-age=86400")
			vh.ServeHTTP(w, r)
			return
		}
	}
	if p == "/" || p == "/index.html" || p == "/service-worker.js" {
		w.Header().Set("Cache-Control", "no-cache")
	}
	h.files.ServeHTTP(w, r)
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".html":
		return "text/html; charset=utf-8"
	case ".json", ".map":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".ico":
		return "image/x-icon"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".ttf":
		return "font/ttf"
	default: // .ts (gizmo.d.ts), .txt, LICENSE, ...
		return "text/plain; charset=utf-8"
	}
}
