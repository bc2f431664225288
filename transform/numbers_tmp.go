package transform

// TEMPORARY: a minimal stand-in for slnum.Scan until transform/slnum is
// committed; replaced by an adapter over slnum.Scan.

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/slnum"
)

var (
	tmpNum   = regexp.MustCompile(`\d+(?:\.\d{3})*(?:,\d+)?`)
	tmpWords = map[string]float64{"eno": 1, "ena": 1, "en": 1, "dva": 2, "dve": 2, "tri": 3, "štiri": 4, "štirih": 4, "pet": 5, "treh": 3, "dveh": 2}
	tmpQual  = []struct {
		w string
		q letopis.Qualifier
	}{{"več kot ", letopis.MoreThan}, {"manj kot ", letopis.LessThan}, {"vsaj ", letopis.AtLeast}, {"najmanj ", letopis.AtLeast}, {"preko ", letopis.MoreThan}, {"nad ", letopis.MoreThan}, {"cca ", letopis.Approx}, {"cca. ", letopis.Approx}, {"približno ", letopis.Approx}, {"okoli ", letopis.Approx}, {"skoraj ", letopis.Approx}, {"največ ", letopis.AtMost}}
)

func scanNumbers(text string) []num {
	var out []num
	for _, loc := range tmpNum.FindAllStringIndex(text, -1) {
		s, e := loc[0], loc[1]
		if s > 0 && (isLetterByte(text[s-1]) || text[s-1] == '/' || text[s-1] == '-') {
			continue
		}
		t := text[s:e]
		v, _ := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(t, ".", ""), ",", "."), 64)
		n := num{Start: s, End: e, QStart: s, Text: t, Value: v, Quantity: true, Qualifier: letopis.Exact, UnitEnd: e}
		rest := text[e:]
		switch {
		case len(t) == 4 && v >= 1900 && v <= 2100:
			n.Quantity, n.Reason = false, "year"
		case strings.HasPrefix(rest, ".") && (len(rest) == 1 || rest[1] == ' ' && len(rest) > 2 && (rest[2] >= '0' && rest[2] <= '9' || rest[2] >= 'a' && rest[2] <= 'z') || isLetterByte(rest[1])):
			n.Quantity, n.Reason = false, "ordinal"
		case strings.HasPrefix(rest, ".00") || strings.HasPrefix(rest, ".30"):
			n.Quantity, n.Reason = false, "time"
		}
		if m := regexp.MustCompile(`^\s*(%|EUR|€)`).FindStringIndex(rest); m != nil && n.Quantity {
			n.UnitEnd = e + m[1]
			if strings.Contains(rest[:m[1]], "%") {
				n.Unit = letopis.UnitPercent
			} else {
				n.Unit = letopis.UnitEUR
			}
		}
		if strings.HasPrefix(strings.TrimSpace(rest), "let") && strings.Contains(text[max(0, s-12):s], "do") {
			n.Quantity, n.Reason = false, "age"
		}
		if strings.Contains(text[max(0, s-4):s], "od ") && regexp.MustCompile(`^ do \d+ let`).MatchString(rest) {
			n.Quantity, n.Reason = false, "age"
		}
		before := strings.ToLower(text[:s])
		for _, q := range tmpQual {
			if strings.HasSuffix(before, q.w) {
				n.Qualifier, n.QStart = q.q, s-len(q.w)
				break
			}
		}
		out = append(out, n)
	}
	for _, m := range regexp.MustCompile(`(?i)(^|[^\pL])(\pL+)`).FindAllStringSubmatchIndex(text, -1) {
		w := strings.ToLower(text[m[4]:m[5]])
		if v, ok := tmpWords[w]; ok {
			out = append(out, num{Start: m[4], End: m[5], QStart: m[4], UnitEnd: m[5], Text: text[m[4]:m[5]], Value: v, Quantity: true, Qualifier: letopis.Exact, Word: true})
		}
	}
	sortNums(out)
	return out
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// parseCell reads a whole cell as a quantity (TEMPORARY until
// slnum.ParseQuantity).
func parseCell(s string) (float64, letopis.Unit, letopis.Qualifier, error) {
	t := strings.TrimSpace(s)
	u := letopis.Unit("")
	if k, ok := strings.CutSuffix(t, "%"); ok {
		t, u = strings.TrimSpace(k), letopis.UnitPercent
	} else if k, ok := strings.CutSuffix(t, "EUR"); ok {
		t, u = strings.TrimSpace(k), letopis.UnitEUR
	}
	v, err := slnum.ParseNumber(t)
	return v, u, letopis.Exact, err
}
