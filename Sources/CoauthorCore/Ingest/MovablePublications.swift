/// Publications that are made in one place and moved to another whole: a run of DBLP records
/// makes them, the scanner moves them to the end of the corpus (`move(appendingTo:)`).
///
/// An `Array` cannot hand its elements over: moving them out leaves slots that the array would
/// still destroy when released, so each had to be written again with an empty publication first
/// (and that one destroyed after): two passes over the publications, a reference count up and
/// down each, some 65 ms a million publications. This buffer forgets the slots it moved out.
///
/// A reference type: a value holding it (`DBLPRecordRun`) is used by one owner at a time and
/// never copied to be used twice.
final class MovablePublications: @unchecked Sendable {
    private var start: UnsafeMutablePointer<Publication>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 1)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deinitialize(count: count)
        start.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// Makes room for `wanted` publications in all.
    func reserveCapacity(_ wanted: Int) {
        guard wanted > capacity else { return }
        let larger = UnsafeMutablePointer<Publication>.allocate(capacity: wanted)
        larger.moveInitialize(from: start, count: count)
        start.deallocate()
        start = larger
        capacity = wanted
    }

    func append(_ publication: consuming Publication) {
        if count == capacity { reserveCapacity(2 * capacity) }
        (start + count).initialize(to: publication)
        count += 1
    }

    /// Moves every publication's location `lines` lines down.
    func shiftLines(by lines: Int) {
        for k in 0..<count { start[k].location.line += lines }
    }

    /// Moves every publication to the end of `destination`, in order, leaving this buffer empty:
    /// one pass, no copy, no reference count changed. `destination` grows geometrically when it
    /// lacks room (the scanner reserves room for the whole file, so it does not).
    /// - Complexity: O(`count`) amortised.
    func move(appendingTo destination: inout [Publication]) {
        guard count > 0 else { return }
        if destination.capacity < destination.count + count {
            destination.reserveCapacity(max(destination.count + count, 2 * destination.capacity))
        }
        destination.append(contentsOf: Moved(cursor: start, end: start + count))
        count = 0
    }

    /// The elements of `cursor..<end`, each moved out as it is read (`Array.append(contentsOf:)`
    /// writes them straight into its free capacity).
    private struct Moved: Sequence, IteratorProtocol {
        var cursor: UnsafeMutablePointer<Publication>
        let end: UnsafeMutablePointer<Publication>

        var underestimatedCount: Int { cursor.distance(to: end) }

        mutating func next() -> Publication? {
            guard cursor < end else { return nil }
            defer { cursor += 1 }
            return cursor.move()
        }
    }
}
