package load

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/keys"
)

// The statuses of a key match (table key_matches).
const (
	MatchApplied  = "applied"  // an automatic alias the views apply
	MatchProposed = "proposed" // shown by `letopis alias suggest`, never applied by itself
	MatchRejected = "rejected" // an automatic alias undone: never proposed again
)

// KeyMatch is a key of a new year matched to a key of another year of the
// same organisation (see matchYears).
type KeyMatch struct {
	Kind         string // AliasActivity or AliasIndicator
	Organisation string
	ActivityKey  string // for an indicator: the activity key of its fact as read
	From, To     string
	Score        float64
	Status       string
	Year, ToYear int
	FromText     string
	ToText       string
	FromSnippet  string
	ToSnippet    string
}

// earlierFact is a fact of another year, with its keys as the views show
// them.
type earlierFact struct {
	c      keys.Candidate
	source string
}

// matchYears compares the activities and indicators of a report being
// loaded with those of the organisation's other years already in the
// warehouse, inside the load's transaction, and records the matches of
// keys no other year has: applied at keys.Confident or more (the views map
// the new key onto the earlier one at once), proposed from keys.Doubtful.
// An activity is matched by its title and by how many of its indicators
// match the other activity's; an indicator within its (matched) activity,
// by keys.Match. A pair once rejected is not matched again.
func (w *Warehouse) matchYears(ctx context.Context, conn *sql.Conn, sourceID int32, rep *letopis.Report) error {
	org := rep.Organisation
	if org == "" {
		return nil
	}
	olds, oldTitles, err := earlierYears(ctx, conn, org, rep.Year)
	if err != nil || len(olds) == 0 && len(oldTitles) == 0 {
		return err
	}
	rejected, handAliased, err := matchExclusions(ctx, conn, org)
	if err != nil {
		return err
	}
	var out []KeyMatch

	// the new facts as candidates, with their place in their activity
	pos := map[string]int{}
	news := make([]keys.Candidate, 0, len(rep.Facts))
	byAct := map[string][]keys.Candidate{}
	for _, f := range rep.Facts {
		c := keys.Candidate{Key: f.IndicatorKey, Text: f.Indicator, Activity: f.ActivityKey, Unit: string(f.Unit), Kind: string(f.Kind),
			Value: f.Value, Position: pos[f.ActivityKey], Year: rep.Year, Snippet: f.Snippet}
		pos[f.ActivityKey]++
		news = append(news, c)
		byAct[f.ActivityKey] = append(byAct[f.ActivityKey], c)
	}
	oldByAct := map[string][]keys.Candidate{}
	for _, o := range olds {
		oldByAct[o.c.Activity] = append(oldByAct[o.c.Activity], o.c)
	}

	// activities: a new key no other year has, matched to the earlier
	// activity of the best score, each earlier activity at most once
	actMap := map[string]string{} // new activity key → the key its facts are compared under
	type actPair struct {
		from, to string
		score    float64
	}
	var pairs []actPair
	for _, a := range rep.Activities {
		actMap[a.Key] = a.Key
		if _, known := oldTitles[a.Key]; known || handAliased[[2]string{AliasActivity, a.Key}] {
			continue
		}
		for to, title := range oldTitles {
			if rejected[[4]string{AliasActivity, "", a.Key, to}] {
				continue
			}
			s := keys.Similarity(keys.Candidate{Text: a.Title}, keys.Candidate{Text: title.text})
			if facts := byAct[a.Key]; len(facts) > 0 {
				// the same indicators are the better evidence of the same
				// activity renamed
				s = max(s, 0.3*s+0.7*indicatorOverlap(facts, oldByAct[to]))
			}
			if s >= keys.Doubtful {
				pairs = append(pairs, actPair{a.Key, to, s})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score > pairs[j].score })
	usedFrom, usedTo := map[string]bool{}, map[string]bool{}
	titles := map[string]string{}
	for _, a := range rep.Activities {
		titles[a.Key] = a.Title
	}
	for _, p := range pairs {
		if usedFrom[p.from] || usedTo[p.to] {
			continue
		}
		usedFrom[p.from], usedTo[p.to] = true, true
		status := MatchProposed
		if p.score >= keys.Confident {
			status = MatchApplied
			actMap[p.from] = p.to
		}
		out = append(out, KeyMatch{Kind: AliasActivity, Organisation: org, From: p.from, To: p.to, Score: round3(p.score), Status: status,
			Year: rep.Year, ToYear: oldTitles[p.to].year, FromText: titles[p.from], ToText: oldTitles[p.to].text})
	}

	// indicators, within their activity as matched
	for i := range news {
		news[i].Ref = i
		if to, ok := actMap[news[i].Activity]; ok {
			news[i].Activity = to
		}
	}
	var oldCands []keys.Candidate
	for _, o := range olds {
		oldCands = append(oldCands, o.c)
	}
	for _, p := range keys.Match(news, oldCands) {
		rawAct := rep.Facts[p.New.Ref].ActivityKey
		if rejected[[4]string{AliasIndicator, rawAct, p.New.Key, p.Old.Key}] || handAliased[[2]string{AliasIndicator, p.New.Key}] {
			continue
		}
		status := MatchProposed
		if p.Score >= keys.Confident {
			status = MatchApplied
		}
		out = append(out, KeyMatch{Kind: AliasIndicator, Organisation: org, ActivityKey: rawAct, From: p.New.Key, To: p.Old.Key,
			Score: p.Score, Status: status, Year: rep.Year, ToYear: p.Old.Year, FromText: p.New.Text, ToText: p.Old.Text,
			FromSnippet: p.New.Snippet, ToSnippet: p.Old.Snippet})
	}
	for _, m := range out {
		var act any
		if m.Kind == AliasIndicator {
			act = m.ActivityKey
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO key_matches (kind, organisation, activity_key, from_key, to_key, score, status, source_id,
			report_year, to_year, from_text, to_text, from_snippet, to_snippet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.Kind, m.Organisation, act, m.From, m.To, m.Score, m.Status, sourceID, m.Year, m.ToYear,
			nullString(m.FromText), nullString(m.ToText), nullString(m.FromSnippet), nullString(m.ToSnippet)); err != nil {
			return fmt.Errorf("record key matches: %w", err)
		}
	}
	return nil
}

// indicatorOverlap is the share of an activity's indicators that have a
// match (the same key, or a score of keys.Doubtful or more) among another
// activity's.
func indicatorOverlap(news, olds []keys.Candidate) float64 {
	if len(news) == 0 || len(olds) == 0 {
		return 0
	}
	hit := 0
	for _, n := range news {
		for _, o := range olds {
			if n.Key == o.Key || keys.Similarity(n, o) >= keys.Doubtful {
				hit++
				break
			}
		}
	}
	return float64(hit) / float64(len(news))
}

type titleYear struct {
	text string
	year int
}

// earlierYears reads the organisation's facts and activity titles of the
// years other than year, with the keys the views show (aliases and
// applied matches resolved), each activity's facts numbered in reading
// order per source.
func earlierYears(ctx context.Context, conn *sql.Conn, org string, year int) ([]earlierFact, map[string]titleYear, error) {
	rows, err := conn.QueryContext(ctx, `SELECT coalesce(activity_key, ''), indicator_key, indicator, unit, kind, value, report_year,
		coalesce(snippet, ''), source_sha256 FROM facts WHERE organisation = ? AND report_year <> ? ORDER BY source_sha256, fact_seq`, org, year)
	if err != nil {
		return nil, nil, fmt.Errorf("read other years: %w", err)
	}
	var out []earlierFact
	pos := map[[2]string]int{}
	for rows.Next() {
		var e earlierFact
		c := &e.c
		if err := rows.Scan(&c.Activity, &c.Key, &c.Text, &c.Unit, &c.Kind, &c.Value, &c.Year, &c.Snippet, &e.source); err != nil {
			rows.Close()
			return nil, nil, err
		}
		k := [2]string{e.source, c.Activity}
		c.Position = pos[k]
		pos[k]++
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	titles := map[string]titleYear{}
	rows, err = conn.QueryContext(ctx, `SELECT activity_key, activity, report_year FROM activities WHERE organisation = ? AND report_year <> ?
		ORDER BY report_year DESC`, org, year)
	if err != nil {
		return nil, nil, fmt.Errorf("read other years' activities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, t string
		var y int
		if err := rows.Scan(&k, &t, &y); err != nil {
			return nil, nil, err
		}
		if _, ok := titles[k]; !ok {
			titles[k] = titleYear{t, y}
		}
	}
	return out, titles, rows.Err()
}

// matchExclusions returns the pairs rejected before (kind, activity, from,
// to) and the keys aliased by hand (kind, from) of an organisation.
func matchExclusions(ctx context.Context, conn *sql.Conn, org string) (map[[4]string]bool, map[[2]string]bool, error) {
	rejected := map[[4]string]bool{}
	rows, err := conn.QueryContext(ctx, `SELECT kind, coalesce(activity_key, ''), from_key, to_key FROM key_matches WHERE organisation = ? AND status = ?`, org, MatchRejected)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var k [4]string
		if err := rows.Scan(&k[0], &k[1], &k[2], &k[3]); err != nil {
			rows.Close()
			return nil, nil, err
		}
		rejected[k] = true
	}
	rows.Close()
	hand := map[[2]string]bool{}
	rows, err = conn.QueryContext(ctx, `SELECT kind, from_key FROM key_aliases`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k [2]string
		if err := rows.Scan(&k[0], &k[1]); err != nil {
			return nil, nil, err
		}
		hand[k] = true
	}
	return rejected, hand, rows.Err()
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// KeyMatches lists the key matches of a status (MatchApplied,
// MatchProposed, MatchRejected), of the new keys' report year when year
// is not 0, the best first.
func (w *Warehouse) KeyMatches(ctx context.Context, status string, year int) ([]KeyMatch, error) {
	rows, err := w.db.QueryContext(ctx, `SELECT kind, organisation, coalesce(activity_key, ''), from_key, to_key, score, status,
		coalesce(report_year, 0), coalesce(to_year, 0), coalesce(from_text, ''), coalesce(to_text, ''),
		coalesce(from_snippet, ''), coalesce(to_snippet, '')
		FROM key_matches WHERE status = ? AND (? = 0 OR report_year = ?)
		ORDER BY kind, score DESC, organisation, from_key`, status, year, year)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []KeyMatch
	for rows.Next() {
		var m KeyMatch
		if err := rows.Scan(&m.Kind, &m.Organisation, &m.ActivityKey, &m.From, &m.To, &m.Score, &m.Status, &m.Year, &m.ToYear,
			&m.FromText, &m.ToText, &m.FromSnippet, &m.ToSnippet); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ApplyProposed applies the proposed matches of score min or more (of the
// year, when not 0) as automatic aliases and returns how many.
func (w *Warehouse) ApplyProposed(ctx context.Context, year int, min float64) (int, error) {
	if w.readOnly {
		return 0, &WarehouseError{w.path, errors.New("opened read-only")}
	}
	res, err := w.db.ExecContext(ctx, `UPDATE key_matches SET status = ? WHERE status = ? AND score >= ? AND (? = 0 OR report_year = ?)`,
		MatchApplied, MatchProposed, min, year, year)
	if err != nil {
		return 0, classify(err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// RejectMatches undoes the automatic aliases (applied or proposed matches)
// from the key from of a kind, in every organisation and activity, and
// keeps them as rejected, so that no later import matches that pair
// again. It returns how many it undid.
func (w *Warehouse) RejectMatches(ctx context.Context, kind, from string) (int, error) {
	if w.readOnly {
		return 0, &WarehouseError{w.path, errors.New("opened read-only")}
	}
	res, err := w.db.ExecContext(ctx, `UPDATE key_matches SET status = ?, source_id = NULL WHERE kind = ? AND from_key = ? AND status IN (?, ?)`,
		MatchRejected, kind, from, MatchApplied, MatchProposed)
	if err != nil {
		return 0, classify(err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
