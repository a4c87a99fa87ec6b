// Package storebench measures Cayley's embedded quad stores (bbolt, bolt,
// leveldb, badger, pebble, with memstore as a reference) on a news-graph
// shaped data set (2,000 articles of 60 quads, labelled with the article's
// IRI: 120,000 quads), so that newsgraph's default store is chosen by
// measurement. It has no code of its own outside its tests.
//
// The quick tests (run by a plain go test) check behaviour, each backend in
// a child process of the test binary:
//
//	TestRace/<backend>        loads 2,400 quads, then queries from 4
//	                          goroutines while a fifth commits one article
//	                          per transaction; run it with -race too. A
//	                          watchdog calls it a deadlock when nothing
//	                          progresses. Known outcomes (knownRace) are
//	                          logged, not failed.
//	TestSecondOpen/<backend>  what a second process does when it opens a
//	                          store that another process holds: blocks,
//	                          fails at once, or opens.
//	TestKill/<backend>        SIGKILLs a process that writes one transaction
//	                          per article and checks that the store reopens
//	                          with whole articles only, every reported
//	                          commit there, and a matching quad count.
//
// The benchmarks do the heavy work:
//
//	BenchmarkLoad/<mode>/<backend>  load the data set in a child process
//	                                (mode bulk: graph.NewWriter over the
//	                                "single" writer and quad.CopyBatch by
//	                                10k; tx: one ApplyTransaction per
//	                                article, IgnoreDup; native: the store's
//	                                own QuadStore.NewQuadWriter). Reports
//	                                quads/s, size on disk (allocated and
//	                                apparent) and the child's peak RSS.
//	BenchmarkQuery/<backend>/<q>    Gizmo latency, a session per query, on a
//	                                loaded, closed and reopened store: 1hop
//	                                (a person by name), 3hop (organisation,
//	                                people, their claims, what these mention,
//	                                all tagged), scan (10,000 claims with 3
//	                                properties each).
//	BenchmarkOpen/<backend>         time for a fresh process to open a
//	                                loaded store and answer a first query.
//
// For example:
//
//	go test -run '^$' -bench . -benchtime 1x -count 3 -timeout 60m ./graph/storebench/
//	go test -race -run TestRace -v ./graph/storebench/
//
// Environment: STOREBENCH_MOVIES=1 adds Cayley's 30k-movie data set to
// BenchmarkLoad; STOREBENCH_NOBLOOM=1 opens every store with Cayley kv's
// "no_bloom" option.
//
// Besides the backends registered by Cayley, the tests register three:
//
//   - "badger" and "pebble": Cayley registers hidalgo's flat key-value
//     backends in an init function of its graph/kv package that, with Go
//     1.21's package initialisation order, runs before hidalgo's badger and
//     pebble packages have registered themselves; so importing graph/kv/all
//     leaves both absent from graph.QuadStores(). See registerFlat.
//   - "pebble-safe": pebble whose transactions ignore a second Close
//     (hidalgo's kv.View closes twice, and pebble pools its batches).
//   - "bbolt-tuned": bbolt opened with a lock timeout and a 1 GiB initial
//     mmap, which Cayley's own "bbolt" cannot be given.
package storebench
