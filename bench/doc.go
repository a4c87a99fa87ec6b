// Package bench measures newsgraph on a corpus, each figure next to a
// baseline measured in the same run, and prints one table: measure |
// value | baseline | ratio | target | met?. It is what newsgraph bench
// runs. Speed and memory targets are checked here, by figures a person
// reads, never by timed assertions in tests.
//
// What is measured (Run):
//
//   - Extraction throughput: the corpus is read into memory first, then
//     extract.(*Extractor).Extract is timed over every article on one
//     worker and on GOMAXPROCS workers; MB/s is bytes of article text
//     (Document.Text, 10^6 bytes a MB) per second, median of Options.Runs
//     passes. Baseline: github.com/jdkato/prose/v2's named-entity
//     pipeline (prose.NewDocument with its default model, loaded once) on
//     an evenly spread sample of the same articles (Options.ProseSample),
//     timed the same way; a rate, so it does not depend on the sample
//     size, though the sample's mix of articles can move it.
//   - Build: newsgraph build of the corpus into a fresh default (bbolt)
//     store, in a child process (the newsgraph binary, Options.Exe): wall
//     time as the parent sees it (median of Options.Runs) and peak RSS
//     (the child's rusage, largest of the runs). Baseline: the quads of
//     that store, exported as N-Quads, loaded by Cayley's own bulk path
//     (BulkLoad: graph.NewWriter + quad.CopyBatch, batches of 10k) into a
//     fresh store of the same backend, in a child process too, timed the
//     same way. Ratio = build / bulk load.
//   - Memory of a build of the corpus repeated Options.Repeat times (a
//     generated JSON Lines corpus, ids made unique per copy), next to the
//     build of the corpus once: memory must not grow with the corpus.
//     Reported: peak RSS; the largest anonymous part of the RSS (the
//     memory the build allocates, sampled from /proc/PID/status), whose
//     ratio is the "no growth" check; and, where a memory cgroup can be
//     made (Linux, as root), one more build of the repeated corpus with
//     its memory (heap and the page cache it fills, no swap) capped at
//     the peak RSS of the build once: it completes, or fails, and its
//     wall time is next to the uncapped build's.
//   - Query latency: every canned query (package queries; "about" asks
//     about the entity most articles mention) in process on the built
//     store (median of Options.QueryRuns after one untimed run), and as a
//     whole newsgraph query process (wall time, median of
//     Options.QueryRuns after one untimed run), next to its in-process
//     time. A note gives, in process, the time to the first row and to
//     the first PageRows rows.
//   - Also: articles per second of the build, quads written (next to the
//     quads the bulk load read), store size on disk (blocks allocated,
//     next to the bulk-loaded store).
//
// With Options.ProfileDir set, CPU profiles are written after the timed
// measurements (so that profiling does not slow them down): extract.pprof
// (one-worker extraction passes, 5 s or more), build.pprof (the build, in process),
// bulk.pprof (the baseline bulk load, in process) and queries.pprof
// (every canned query, Options.QueryRuns times). Read them with
// go tool pprof -top FILE.
//
// The report is Markdown: a list saying where and how it was measured,
// the table, and notes that qualify figures (samples, failures, the
// resident memory's anonymous and file-backed parts).
package bench
