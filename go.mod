module trumpkim

go 1.24

require (
	fyne.io/fyne/v2 v2.7.1 // indirect
	github.com/sahilm/fuzzy v0.1.3 // indirect
)
