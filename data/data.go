// Package data holds the files newsgraph ships with: the seed article and the
// extractor's lexicons, embedded in the binary.
package data

import "embed"

// Lexicons holds the extractor's lexicons, one text file each under
// lexicon/. They hold general knowledge of English news (titles,
// organisation words, speech and stance verbs, countries), never the facts of
// one article.
//
//go:embed lexicon
var Lexicons embed.FS

// Articles holds the seed article(s) under articles/.
//
//go:embed articles
var Articles embed.FS
