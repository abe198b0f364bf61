package app

// waiting is how many starts wait for a frame.
func (h *frameHook) waiting() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.pending)
}
