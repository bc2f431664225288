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
