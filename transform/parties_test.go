package transform

import (
	"reflect"
	"testing"
)

// TestParties reads the lead partner and the partners from introductions
// worded in the ways reports word them.
func TestParties(t *testing.T) {
	tests := []struct {
		prose    string
		lead     string
		partners []string
	}{
		{"Program regionalnega stičišča izvaja društvo Most v partnerstvu z organizacijami Fundacija Prizma in Podjetniški inkubator Kočevje.",
			"Društvo Most", []string{"Fundacija Prizma", "Podjetniški inkubator Kočevje"}},
		{"Program socialne aktivacije zavod Korak izvaja v partnerstvu z organizacijo Ljudska univerza Velenje.",
			"Zavod Korak", []string{"Ljudska univerza Velenje"}},
		{"Društvo NOVUS izvaja v partnerstvu z Mladinskim centrom Velenje.",
			"Društvo NOVUS", []string{"Mladinski center Velenje"}},
		{"Vodilni partner je Zavod Uspešen.si, partnerja sta Društvo A in Društvo B.",
			"Zavod Uspešen.si", nil},
	}
	for _, tt := range tests {
		lead, partners := parties(tt.prose)
		for i, p := range partners {
			partners[i] = nominative(p)
		}
		if lead != tt.lead {
			t.Errorf("parties(%q) lead = %q, want %q", tt.prose, lead, tt.lead)
		}
		if tt.partners != nil && !reflect.DeepEqual(partners, tt.partners) {
			t.Errorf("parties(%q) partners = %q, want %q", tt.prose, partners, tt.partners)
		}
	}
}

// TestRecase gives headings set in capitals the case of the prose: the
// introduction first, then the rest of the document.
func TestRecase(t *testing.T) {
	doc := map[string]string{"loka": "Loka", "škofja": "Škofja", "center": "center"}
	tests := []struct{ title, prose, want string }{
		{"REGIONALNO STIČIŠČE NVO ŠKOFJA LOKA", "Program regionalnega stičišča izvaja društvo Most.", "Regionalno stičišče NVO Škofja Loka"},
		{"KARIERNI CENTER ZA MLADE", "Karierni Center je odprt.", "Karierni Center za mlade"},
		{"KARIERNI CENTER ZA MLADE", "", "Karierni center za mlade"},
		{"Že napisano prav", "", "Že napisano prav"},
	}
	for _, tt := range tests {
		if got := recase(tt.title, tt.prose, doc); got != tt.want {
			t.Errorf("recase(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
