// Package progress reports the progress of a long job: a bar on a
// terminal (articles done/total, rate, time left), plain lines every few
// seconds otherwise, nothing when quiet.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Reporter shows progress.
type Reporter struct {
	mu       sync.Mutex
	w        io.Writer
	bar      *progressbar.ProgressBar
	quiet    bool
	start    time.Time
	last     time.Time
	every    time.Duration
	total    int
	done     int
	failed   int
	finished bool
}

// New returns a Reporter writing to w: a bar when w is a terminal, a line
// every few seconds otherwise, nothing when quiet. total is -1 when
// unknown.
func New(w io.Writer, total int, what string, quiet bool) *Reporter {
	now := time.Now()
	r := &Reporter{w: w, quiet: quiet, start: now, last: now, every: 5 * time.Second, total: total}
	if quiet {
		return r
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		r.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(what),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionFullWidth(),
		)
	}
	return r
}

// Update records that done items are done, failed of which failed.
func (r *Reporter) Update(done, failed, total int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done, r.failed = done, failed
	if total != r.total && total >= 0 {
		r.total = total
		if r.bar != nil {
			r.bar.ChangeMax(total)
		}
	}
	if r.quiet {
		return
	}
	if r.bar != nil {
		r.bar.Set(done)
		return
	}
	if now := time.Now(); now.Sub(r.last) >= r.every {
		r.last = now
		r.line()
	}
}

// Interrupt prints a message (an error line) without breaking the bar.
func (r *Reporter) Interrupt(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bar != nil {
		r.bar.Clear()
	}
	fmt.Fprintln(r.w, msg)
	if r.bar != nil {
		r.bar.RenderBlank()
		r.bar.Set(r.done)
	}
}

// Finish ends the display.
func (r *Reporter) Finish() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.finished || r.quiet {
		return
	}
	r.finished = true
	if r.bar != nil {
		r.bar.Finish()
		return
	}
	if time.Since(r.start) >= r.every {
		r.line()
	}
}

func (r *Reporter) line() {
	el := time.Since(r.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(r.done) / el
	}
	if r.total > 0 {
		left := "?"
		if rate > 0 {
			left = time.Duration(float64(r.total-r.done) / rate * float64(time.Second)).Round(time.Second).String()
		}
		fmt.Fprintf(r.w, "progress: %d/%d articles (%d failed), %.0f/s, %s left\n", r.done, r.total, r.failed, rate, left)
		return
	}
	fmt.Fprintf(r.w, "progress: %d articles (%d failed), %.0f/s\n", r.done, r.failed, rate)
}
