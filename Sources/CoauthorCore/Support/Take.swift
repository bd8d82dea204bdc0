/// `value`, leaving `empty` in its place: the caller then holds the only reference, so that it can
/// grow or free the value without a copy (an array still shared with its old owner is copied,
/// element by element, on its first change).
func take<T>(_ value: inout T, leaving empty: T) -> T {
    var taken = empty
    swap(&taken, &value)
    return taken
}
