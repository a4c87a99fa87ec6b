package server

import (
	"embed"
	"io/fs"
)

// Third-party web assets (Monaco editor, Material Icons font) are not
// committed: they are pinned in assets/package.json + assets/package-lock.json
// and fetched with npm by the directive below into assets/dist (gitignored).
// Only assets/dist/README.md is committed, so that the embed below compiles
// without the generated files; the server then falls back to the CDN URLs
// hard-coded in Cayley's UI bundle (MonacoLocal reports false).
//
//go:generate go run ./internal/genassets -dir assets

//go:embed all:assets/dist
var assetsFS embed.FS

const (
	// paths inside assetsFS
	monacoDir = "assets/dist/monaco/vs"
	iconsDir  = "assets/dist/material-icons"

	// URL prefixes the rewritten UI bundle loads them from
	monacoURL = "/vendor/monaco/vs"
	iconsURL  = "/vendor/material-icons"
)

// localAssets reports which vendored assets were generated.
func localAssets() (monaco, icons fs.FS, monacoOK, iconsOK bool) {
	monaco, _ = fs.Sub(assetsFS, monacoDir)
	icons, _ = fs.Sub(assetsFS, iconsDir)
	_, err := fs.Stat(monaco, "loader.js")
	monacoOK = err == nil
	_, err = fs.Stat(monaco, "editor/editor.main.js")
	monacoOK = monacoOK && err == nil
	_, err = fs.Stat(icons, "filled.css")
	iconsOK = err == nil
	_, err = fs.Stat(icons, "material-icons.woff2")
	iconsOK = iconsOK && err == nil
	return
}
