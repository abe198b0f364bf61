package data

import (
	"context"
	"fmt"
)

func ExampleIndex_Search() {
	tl, _ := Default()
	ix := NewIndex(tl)
	for _, m := range ix.Search("summit hanoi") {
		fmt.Println(tl.Events[m.Event].ID, m.Field, m.Text, m.Runes)
	}
	// Output:
	// hanoi-summit title Hanoi summit ends without a deal [0 1 2 3 4 6 7 8 9 10 11]
}

func ExampleSearcher() {
	tl, _ := Default()
	s := NewSearcher(NewIndex(tl))
	// The app calls Search from a goroutine per keystroke and hands a
	// result with a nil error to the UI (fyne.Do); a newer keystroke
	// cancels the older search, which then returns an error.
	for _, q := range []string{"m", "me", "meet"} {
		res, err := s.Search(context.Background(), q, Filter{Kinds: map[Kind]bool{KindLetter: true}})
		if err != nil {
			continue
		}
		fmt.Printf("%q: %d of %d, letters %d, messages %d, narrowed %v\n",
			res.Query, len(res.Matches), res.Total, res.Counts.Kinds[KindLetter], res.Counts.Kinds[KindMessage], res.Narrowed)
	}
	// Output:
	// "m": 8 of 17, letters 8, messages 2, narrowed false
	// "me": 6 of 17, letters 6, messages 2, narrowed true
	// "meet": 2 of 17, letters 2, messages 0, narrowed true
}
