package keys

import (
	"math"
	"sort"
	"strings"
)

// Candidate is an indicator (or an activity) of one report, as matching
// across years sees it.
type Candidate struct {
	Key      string  // its key, from Indicator (or Activity)
	Text     string  // the indicator text (or the activity title)
	Activity string  // the activity key it belongs to ("" for an activity itself, or the organisation's)
	Unit     string  // the unit vocabulary word; "" for an activity
	Kind     string  // output, result, other; "" when unknown
	Value    float64 // the value read, 0 when none
	Position int     // its place among its activity's indicators in reading order, -1 when unknown
	Year     int
	Snippet  string
	Ref      int // the caller's own reference (an index), carried through Match
}

// Proposal is a match of an indicator of a new year to one of an earlier
// year: the new key would be an alias of the earlier one.
type Proposal struct {
	New, Old Candidate
	Score    float64 // 0..1, see Similarity
}

// Thresholds of a match: at Confident or over, a match is applied as an
// automatic alias; from Doubtful to Confident it is only proposed.
const (
	Confident = 0.75
	Doubtful  = 0.45
)

// Similarity scores how likely two indicators of different years of one
// activity are the same indicator worded again, 0..1:
//
//   - what is counted: the share of content word stems the two have in
//     common (Dice, a stem matching another that it begins, of five letters
//     or more; 0.85 when all the words of one are among the other's), 0.65
//     of the score; the unit must agree (other agrees with any), else the
//     score is 0;
//   - the value's order of magnitude (45 and 52 agree, 45 and 4.500 do
//     not), 0.2;
//   - the same place among the activity's indicators, 0.1, and the same
//     kind (output, result), 0.05 (half of it when one is only `other`, as
//     prose gives it).
//
// Titles of activities (no unit, no value) are scored by their words alone.
func Similarity(a, b Candidate) float64 {
	if a.Unit != b.Unit && a.Unit != "other" && b.Unit != "other" {
		return 0
	}
	sa, sb := contentStems(a.Text, a.Unit == ""), contentStems(b.Text, b.Unit == "")
	words := dice(sa, sb)
	if a.Unit == "" && b.Unit == "" {
		return words
	}
	// the words of one said again with more of them (zaposleni → redno
	// zaposleni sodelavci): nearly as good as the same words, the value
	// and the place deciding
	words = math.Max(words, 0.85*contained(sa, sb))
	s := 0.65 * words
	if a.Value > 0 && b.Value > 0 {
		d := math.Abs(math.Log10(a.Value / b.Value))
		s += 0.2 * math.Max(0, 1-d)
	} else if a.Value == b.Value {
		s += 0.2
	}
	if a.Position >= 0 && a.Position == b.Position {
		s += 0.1
	}
	switch {
	case a.Kind != "" && a.Kind == b.Kind:
		s += 0.05
	case a.Kind == "other" || b.Kind == "other":
		s += 0.025
	}
	if words == 0 {
		s = math.Min(s, Doubtful-0.01) // nothing in common said: never more than a guess
	}
	return s
}

// contentStems returns the stems of the content words of a text: without
// function words, reporting fillers and, for an activity, the words that
// name its kind.
func contentStems(s string, activity bool) []string {
	drop := []map[string]bool{stop, filler, generic, indicatorGeneric}
	if activity {
		drop = []map[string]bool{stop, generic}
	}
	var out []string
	seen := map[string]bool{}
outer:
	for _, w := range words(s) {
		if activity && len([]rune(w)) <= 2 {
			continue // an abbreviation of the title's own words (AS for Aktiviraj se)
		}
		for _, d := range drop {
			if d[w] {
				continue outer
			}
		}
		st := Stem(w)
		if !seen[st] {
			seen[st] = true
			out = append(out, st)
		}
	}
	return out
}

// dice is the Dice coefficient of two sets of stems; a stem counts as
// shared with another that begins with it, when it has five letters or
// more (vkljuce, vkljucen).
func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	used := make([]bool, len(b))
	for _, x := range a {
		for j, y := range b {
			if !used[j] && sameStem(x, y) {
				used[j] = true
				shared++
				break
			}
		}
	}
	return 2 * float64(shared) / float64(len(a)+len(b))
}

// contained is 1 when every stem of the shorter of a and b is among the
// other's (as dice shares them), else 0.
func contained(a, b []string) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 || dice(a, b)*float64(len(a)+len(b)) < 2*float64(len(a)) {
		return 0
	}
	return 1
}

func sameStem(x, y string) bool {
	if x == y {
		return true
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	return len(x) >= 5 && strings.HasPrefix(y, x)
}

// Match pairs the indicators of a new year with those of earlier years,
// activity by activity: the pairs of the highest score first, each
// indicator at most once on either side, only pairs of different keys
// (an indicator whose key an earlier year already has needs no alias and
// takes no other) and of a score of Doubtful or more. Of the earlier
// years, an indicator's most recent occurrence stands for its key.
func Match(news, olds []Candidate) []Proposal {
	// the most recent occurrence of each earlier key per activity
	latest := map[[2]string]Candidate{}
	for _, o := range olds {
		k := [2]string{o.Activity, o.Key}
		if c, ok := latest[k]; !ok || o.Year > c.Year {
			latest[k] = o
		}
	}
	type pair struct {
		n, o  int
		score float64
	}
	var oldList []Candidate
	for _, c := range latest {
		oldList = append(oldList, c)
	}
	sort.Slice(oldList, func(i, j int) bool {
		if oldList[i].Activity != oldList[j].Activity {
			return oldList[i].Activity < oldList[j].Activity
		}
		return oldList[i].Key < oldList[j].Key
	})
	usedN := make([]bool, len(news))
	usedO := make([]bool, len(oldList))
	// keys already shared are matched by themselves
	for i, n := range news {
		for j, o := range oldList {
			if n.Activity == o.Activity && n.Key == o.Key {
				usedN[i], usedO[j] = true, true
			}
		}
	}
	// the only indicator of its unit in its activity, in the new year and
	// in the latest earlier year of the activity, is all the more likely
	// the same
	newCount := map[[2]string]int{}
	for _, n := range news {
		newCount[[2]string{n.Activity, n.Unit}]++
	}
	latestYear := map[string]int{}
	for _, o := range olds {
		latestYear[o.Activity] = max(latestYear[o.Activity], o.Year)
	}
	oldCount := map[[2]string]int{}
	for _, o := range olds {
		if o.Year == latestYear[o.Activity] {
			oldCount[[2]string{o.Activity, o.Unit}]++
		}
	}
	var pairs []pair
	for i, n := range news {
		if usedN[i] {
			continue
		}
		for j, o := range oldList {
			if usedO[j] || n.Activity != o.Activity {
				continue
			}
			s := Similarity(n, o)
			if s > 0 && n.Unit == o.Unit && o.Year == latestYear[o.Activity] &&
				newCount[[2]string{n.Activity, n.Unit}] == 1 && oldCount[[2]string{o.Activity, o.Unit}] == 1 {
				s = math.Min(1, s+0.15)
			}
			if s >= Doubtful {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	var out []Proposal
	for _, p := range pairs {
		if usedN[p.n] || usedO[p.o] {
			continue
		}
		usedN[p.n], usedO[p.o] = true, true
		out = append(out, Proposal{New: news[p.n], Old: oldList[p.o], Score: math.Round(p.score*1000) / 1000})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].New.Activity != out[b].New.Activity {
			return out[a].New.Activity < out[b].New.Activity
		}
		return out[a].New.Position < out[b].New.Position
	})
	return out
}
