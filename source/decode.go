package source

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// decodeText turns the bytes of one article (a file, a URL's body, stdin)
// into UTF-8 text. It is the one decoder of every path:
//
//   - a UTF-8 byte-order mark is stripped; UTF-16 and UTF-32 with a
//     byte-order mark are decoded;
//   - binary data (NUL bytes, or the magic number of PNG, JPEG, GIF, PDF,
//     ZIP, gzip and a few more) is refused with ErrBinary, naming the type;
//   - valid UTF-8 is taken as it is;
//   - otherwise the text is decoded from charset when that names a known
//     encoding (an HTTP Content-Type or HTML <meta> charset), else from
//     Windows-1252 when the bytes are plausible Latin-1/Windows-1252 text
//     (no control characters but \t, \r and \n), else refused with
//     ErrInvalidUTF8 naming the line;
//   - "\r\n" and lone "\r" become "\n";
//   - empty or whitespace-only text is refused with ErrEmpty.
func decodeText(data []byte, charset string) (string, error) {
	if len(data) == 0 {
		return "", ErrEmpty
	}
	var text string
	if enc, name, n := bomEncoding(data); name == "UTF-8" {
		data = data[n:]
		if !utf8.Valid(data) {
			return "", invalidUTF8(data)
		}
		text = string(data)
	} else if enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", reasonf(ErrUnsupported, "cannot decode %s text: %v", name, err)
		}
		text = string(out)
		if strings.IndexByte(text, 0) >= 0 {
			return "", binaryError("contains NUL characters")
		}
	} else {
		if kind := binaryKind(data); kind != "" {
			return "", binaryError(kind)
		}
		s, err := decodeBytes(data, charset)
		if err != nil {
			return "", err
		}
		text = s
	}
	text = normaliseNewlines(text)
	if strings.TrimSpace(text) == "" {
		return "", ErrEmpty
	}
	return text, nil
}

// decodeBytes decodes data that has no byte-order mark: UTF-8 when valid,
// else the encoding named by charset (or by an HTML <meta charset>), else
// Windows-1252 when plausible. It is also used for each line of a JSON Lines
// corpus.
func decodeBytes(data []byte, charset string) (string, error) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	if charset == "" {
		charset = metaCharset(data)
	}
	if enc := lookupCharset(charset); enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err == nil {
			return string(out), nil
		}
	}
	if plausibleWindows1252(data) {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err == nil {
			return string(out), nil
		}
	}
	return "", invalidUTF8(data)
}

// bomEncoding recognises a byte-order mark. It returns the encoding that
// decodes data (BOM included; nil for UTF-8), its name, and the BOM length.
// With no BOM the name is "".
func bomEncoding(data []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return nil, "UTF-8", 3
	case bytes.HasPrefix(data, []byte{0x00, 0x00, 0xFE, 0xFF}):
		return utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM), "UTF-32BE", 4
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0x00, 0x00}):
		return utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM), "UTF-32LE", 4
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "UTF-16BE", 2
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "UTF-16LE", 2
	}
	return nil, "", 0
}

// magic numbers of binary formats that are sometimes given by mistake.
var magics = []struct {
	prefix string
	kind   string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xFF\xD8\xFF", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive"},
	{"PK\x05\x06", "ZIP archive"},
	{"PK\x07\x08", "ZIP archive"},
	{"\x1F\x8B", "gzip archive"},
	{"BZh", "bzip2 archive"},
	{"\xFD7zXZ\x00", "xz archive"},
	{"\x28\xB5\x2F\xFD", "Zstandard archive"},
	{"7z\xBC\xAF\x27\x1C", "7-Zip archive"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Microsoft Office document"},
	{"\x7FELF", "ELF executable"},
	{"SQLite format 3\x00", "SQLite database"},
}

// binaryKind names the kind of binary data data holds ("PNG image",
// "contains NUL bytes"), or returns "" for what may be text. It is only
// asked of data without a UTF-16/32 byte-order mark.
func binaryKind(data []byte) string {
	for _, m := range magics {
		if len(data) >= len(m.prefix) && string(data[:len(m.prefix)]) == m.prefix {
			if m.prefix == "BZh" && !(len(data) > 3 && data[3] >= '1' && data[3] <= '9') {
				continue // "BZh" alone could start a text
			}
			return m.kind
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return "WebP image"
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "contains NUL bytes"
	}
	return ""
}

// binaryError is the error for binary data of the given kind.
func binaryError(kind string) error {
	return reasonf(ErrBinary, "binary file (%s), not an article", kind)
}

// utf8Error locates the first invalid UTF-8 byte. It matches ErrInvalidUTF8.
type utf8Error struct {
	line, column int
	b            byte
}

func (e *utf8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at line %d, column %d (byte 0x%02X), and not plausible Latin-1/Windows-1252 text", e.line, e.column, e.b)
}

func (e *utf8Error) Is(target error) bool { return target == ErrInvalidUTF8 }

// invalidUTF8 returns the *utf8Error of data's first invalid byte.
func invalidUTF8(data []byte) error {
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	if off >= len(data) { // valid after all; should not happen
		off = len(data) - 1
	}
	if off < 0 {
		off = 0
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	var b byte
	if off < len(data) {
		b = data[off]
	}
	return &utf8Error{line: line, column: col, b: b}
}

// plausibleWindows1252 reports whether invalid UTF-8 data reads as
// Latin-1/Windows-1252 text: no control characters but \t, \r and \n, no
// byte that Windows-1252 leaves undefined, and fewer valid multi-byte UTF-8
// sequences than invalid bytes (else it is broken UTF-8, not Latin-1).
func plausibleWindows1252(data []byte) bool {
	multi, invalid := 0, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < 0x80 {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
			size = 1
		} else {
			multi++
		}
		for _, b := range data[i : i+size] {
			switch b {
			case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
				return false
			}
		}
		i += size
	}
	return invalid > multi
}

// lookupCharset returns the decoder of a charset label such as
// "iso-8859-1" or "windows-1251", or nil when the label is empty, unknown or
// UTF-8 (which needs no decoding).
func lookupCharset(label string) encoding.Encoding {
	label = strings.TrimSpace(label)
	if label == "" {
		return nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil
	}
	if name, _ := htmlindex.Name(enc); name == "utf-8" {
		return nil
	}
	return enc
}

var rxMetaCharset = regexp.MustCompile(`(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})`)

// metaCharset returns the charset an HTML document declares in a <meta>
// tag within its first 2 KiB, or "".
func metaCharset(data []byte) string {
	if len(data) > 2048 {
		data = data[:2048]
	}
	if m := rxMetaCharset.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}

// normaliseNewlines turns "\r\n" and lone "\r" into "\n".
func normaliseNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// checkLineLength returns a *LimitError naming the first line of text
// longer than max bytes, or nil.
func checkLineLength(text string, max int64) error {
	line := 0
	for len(text) > 0 {
		line++
		i := strings.IndexByte(text, '\n')
		n := i
		if i < 0 {
			n = len(text)
		}
		if int64(n) > max {
			return &LimitError{What: fmt.Sprintf("line %d", line), Size: int64(n), Limit: max, Flag: FlagMaxLineLength}
		}
		if i < 0 {
			break
		}
		text = text[i+1:]
	}
	return nil
}
