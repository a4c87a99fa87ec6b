package source

import (
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the date forms normaliseDate understands, most common
// first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999-0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"20060102",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"Monday, 2 January 2006",
	"Monday, January 2, 2006",
	"Mon, January 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"January 2 2006",
	"Jan. 2, 2006",
	"02.01.2006", // day first, as written in Europe and Russia
	"02.01.2006 15:04",
	"15:04 02.01.2006",
}

// maxRawDate is the longest date string kept as it is when it cannot be
// parsed; longer ones are dropped as not a date.
const maxRawDate = 100

// normaliseDate turns a publication date as found in a page or a corpus
// into ISO 8601 "YYYY-MM-DD" (the date in the time zone it was written in).
// A date it cannot parse is kept as it is (white space collapsed) if short,
// dropped if longer than 100 bytes. Unix times (10 digits: seconds, 13:
// milliseconds) are read as UTC.
func normaliseDate(s string) string {
	s = cleanSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		switch len(s) {
		case 9, 10:
			return time.Unix(n, 0).UTC().Format("2006-01-02")
		case 12, 13:
			return time.UnixMilli(n).UTC().Format("2006-01-02")
		}
	}
	if len(s) > maxRawDate || strings.ContainsAny(s, "\n\x00") {
		return ""
	}
	return s
}
