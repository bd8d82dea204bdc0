/// A chart of yearly series as SVG: bars and lines on a left axis, optionally one
/// more line on a right axis, with a title, labelled axes, ticks and a legend.
///
/// Laid out for 800 px wide; every coordinate is computed from the data, so the same
/// series give the same bytes.
public struct YearChart: Sendable {
    public enum Axis: Sendable { case left, right }
    public enum Mark: Sendable { case bars, line, dashedLine }

    public struct Series: Sendable {
        public var name: String
        /// One value per year of the chart (nil: no value, the line breaks).
        public var values: [Double?]
        /// `#rrggbb`.
        public var color: String
        public var axis: Axis
        public var mark: Mark

        public init(name: String, values: [Double?], color: String, axis: Axis, mark: Mark) {
            self.name = name
            self.values = values
            self.color = color
            self.axis = axis
            self.mark = mark
        }
    }

    public var title: String
    public var subtitle: String
    public var years: [Int]
    public var leftAxisLabel: String
    public var rightAxisLabel: String
    public var series: [Series]
    public var width = 800.0
    public var height = 460.0

    public init(title: String, subtitle: String, years: [Int], leftAxisLabel: String, rightAxisLabel: String, series: [Series]) {
        precondition(series.allSatisfy { $0.values.count == years.count }, "one value per year in every series")
        self.title = title
        self.subtitle = subtitle
        self.years = years
        self.leftAxisLabel = leftAxisLabel
        self.rightAxisLabel = rightAxisLabel
        self.series = series
    }

    private static let font = "DejaVu Sans, Verdana, Arial, sans-serif"
    private static let ink = "#222222"
    private static let grid = "#dddddd"

    /// For a line of text wider than the chart (at about `characterWidth` a character), the
    /// attributes that squeeze it into the chart's width less a margin; none for a line that
    /// fits. (A long name in the title was cut off at both sides: a user trial of session 56.)
    private func fitted(_ text: String, characterWidth: Double) -> [(String, String)] {
        let room = width - 24
        guard Double(text.count) * characterWidth > room else { return [] }
        return [("textLength", n(room)), ("lengthAdjust", "spacingAndGlyphs")]
    }

    /// The chart as an SVG document.
    /// - Complexity: O(years × series).
    public func svg() -> String {
        let hasRight = series.contains { $0.axis == .right }
        let plot = (left: 72.0, right: width - (hasRight ? 78 : 24), top: 104.0, bottom: height - 62)
        var out = SVGWriter(width: width, height: height)
        out.empty("rect", [("x", "0"), ("y", "0"), ("width", n(width)), ("height", n(height)), ("fill", "#ffffff")])
        out.open("g", [("font-family", Self.font), ("fill", Self.ink)])

        out.element("text", [("x", n(width / 2)), ("y", "28"), ("text-anchor", "middle"), ("font-size", "18"), ("font-weight", "bold")]
                        + fitted(title, characterWidth: 11.5), text: title)
        if !subtitle.isEmpty {
            out.element("text", [("x", n(width / 2)), ("y", "50"), ("text-anchor", "middle"), ("font-size", "12"), ("fill", "#555555")]
                            + fitted(subtitle, characterWidth: 7.2), text: subtitle)
        }
        legend(&out, y: 76)

        let leftScale = Scale(maximum: maximum(.left))
        let rightScale = Scale(maximum: maximum(.right))
        func yLeft(_ v: Double) -> Double { plot.bottom - (plot.bottom - plot.top) * v / leftScale.top }
        func yRight(_ v: Double) -> Double { plot.bottom - (plot.bottom - plot.top) * v / rightScale.top }

        // Grid lines and tick labels of the left axis; the right axis gets ticks and labels only.
        for tick in leftScale.ticks {
            let y = yLeft(tick)
            out.empty("line", [("x1", n(plot.left)), ("y1", n(y)), ("x2", n(plot.right)), ("y2", n(y)),
                               ("stroke", tick == 0 ? Self.ink : Self.grid), ("stroke-width", "1")])
            out.element("text", [("x", n(plot.left - 8)), ("y", n(y + 4)), ("text-anchor", "end"), ("font-size", "12")],
                        text: Self.integer(tick))
        }
        if hasRight {
            out.empty("line", [("x1", n(plot.right)), ("y1", n(plot.top)), ("x2", n(plot.right)), ("y2", n(plot.bottom)),
                               ("stroke", Self.ink), ("stroke-width", "1")])
            for tick in rightScale.ticks {
                let y = yRight(tick)
                out.empty("line", [("x1", n(plot.right)), ("y1", n(y)), ("x2", n(plot.right + 5)), ("y2", n(y)),
                                   ("stroke", Self.ink), ("stroke-width", "1")])
                out.element("text", [("x", n(plot.right + 8)), ("y", n(y + 4)), ("text-anchor", "start"), ("font-size", "12")],
                            text: Self.integer(tick))
            }
        }
        out.empty("line", [("x1", n(plot.left)), ("y1", n(plot.top)), ("x2", n(plot.left)), ("y2", n(plot.bottom)),
                           ("stroke", Self.ink), ("stroke-width", "1")])

        // Years are bands; bars fill the middle of a band, lines join band centres.
        let band = years.isEmpty ? 0 : (plot.right - plot.left) / Double(years.count)
        func x(_ i: Int) -> Double { plot.left + band * (Double(i) + 0.5) }
        let labelEvery = max(1, Int((44 / max(band, 1)).rounded(.up)))
        for (i, year) in years.enumerated() {
            out.empty("line", [("x1", n(x(i))), ("y1", n(plot.bottom)), ("x2", n(x(i))), ("y2", n(plot.bottom + 5)),
                               ("stroke", Self.ink), ("stroke-width", "1")])
            if i % labelEvery == 0 {
                out.element("text", [("x", n(x(i))), ("y", n(plot.bottom + 20)), ("text-anchor", "middle"), ("font-size", "12")],
                            text: String(year))
            }
        }

        let bars = series.filter { $0.mark == .bars }
        let barWidth = band * 0.7 / Double(max(1, bars.count))
        for (k, s) in bars.enumerated() {
            out.open("g", [("fill", s.color), ("fill-opacity", "0.55")])
            for (i, value) in s.values.enumerated() {
                guard let value, value > 0 else { continue }
                let scale = s.axis == .left ? yLeft : yRight
                let left = x(i) - band * 0.35 + barWidth * Double(k)
                out.open("rect", [("x", n(left)), ("y", n(scale(value))), ("width", n(barWidth)), ("height", n(plot.bottom - scale(value)))])
                out.element("title", text: "\(years[i]): \(s.name) \(Self.integer(value))")
                out.close()
            }
            out.close()
        }
        // A line under a later one of its axis is drawn wider, its points larger, so that it shows
        // around the later line where the two meet: a focus author with no returning
        // collaborators has as many new ones as co-authors, and the co-authors' line was hidden
        // under the new ones' (a user trial of session 62).
        for (index, s) in series.enumerated() where s.mark != .bars {
            let above = Double(linesAbove(index))
            let scale = s.axis == .left ? yLeft : yRight
            var segment: [String] = []
            var paths: [String] = []
            for (i, value) in s.values.enumerated() {
                if let value {
                    segment.append("\(n(x(i))),\(n(scale(value)))")
                } else if !segment.isEmpty {
                    paths.append(segment.joined(separator: " "))
                    segment = []
                }
            }
            if !segment.isEmpty { paths.append(segment.joined(separator: " ")) }
            out.open("g", [("fill", "none"), ("stroke", s.color), ("stroke-width", n(lineWidth(index)))]
                     + (s.mark == .dashedLine ? [("stroke-dasharray", "7 4")] : []))
            for points in paths { out.empty("polyline", [("points", points)]) }
            out.close()
            out.open("g", [("fill", s.color)])
            for (i, value) in s.values.enumerated() {
                guard let value else { continue }
                out.open("circle", [("cx", n(x(i))), ("cy", n(scale(value))), ("r", n(3.5 + 2 * above))])
                out.element("title", text: "\(years[i]): \(s.name) \(Self.integer(value))")
                out.close()
            }
            out.close()
        }

        let middle = (plot.top + plot.bottom) / 2
        out.element("text", [("x", n((plot.left + plot.right) / 2)), ("y", n(height - 16)), ("text-anchor", "middle"), ("font-size", "13")],
                    text: "year")
        out.element("text", [("x", "20"), ("y", n(middle)), ("text-anchor", "middle"), ("font-size", "13"),
                             ("transform", "rotate(-90 20 \(n(middle)))")], text: leftAxisLabel)
        if hasRight {
            let xr = width - 18
            out.element("text", [("x", n(xr)), ("y", n(middle)), ("text-anchor", "middle"), ("font-size", "13"),
                                 ("transform", "rotate(90 \(n(xr)) \(n(middle)))")], text: rightAxisLabel)
        }
        out.close()
        return out.finished()
    }

    /// The lines drawn after series `index` on its axis, over it.
    private func linesAbove(_ index: Int) -> Int {
        series.indices.count { $0 > index && series[$0].mark != .bars && series[$0].axis == series[index].axis }
    }

    /// The width of line series `index`, on the chart and in the legend: 2.5, and 3 more for each
    /// line drawn over it.
    private func lineWidth(_ index: Int) -> Double { 2.5 + 3 * Double(linesAbove(index)) }

    /// One row of swatches and names, centred; the width of each entry is estimated from
    /// its length (about 7 px per character at 12 px), since SVG text cannot be measured here.
    private func legend(_ out: inout SVGWriter, y: Double) {
        let widths = series.map { 34 + 7.0 * Double($0.name.count + ($0.axis == .right ? 14 : 0)) }
        var x = (width - widths.reduce(0, +)) / 2
        for (index, (s, w)) in zip(series, widths).enumerated() {
            switch s.mark {
            case .bars:
                out.empty("rect", [("x", n(x)), ("y", n(y - 9)), ("width", "20"), ("height", "11"), ("fill", s.color), ("fill-opacity", "0.55")])
            case .line, .dashedLine:
                out.empty("line", [("x1", n(x)), ("y1", n(y - 4)), ("x2", n(x + 20)), ("y2", n(y - 4)), ("stroke", s.color),
                                   ("stroke-width", n(lineWidth(index)))] + (s.mark == .dashedLine ? [("stroke-dasharray", "7 4")] : []))
            }
            out.element("text", [("x", n(x + 26)), ("y", n(y)), ("font-size", "12")],
                        text: s.axis == .right ? s.name + " (right axis)" : s.name)
            x += w
        }
    }

    private func maximum(_ axis: Axis) -> Double {
        series.filter { $0.axis == axis }.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
    }

    private func n(_ value: Double) -> String { SVGWriter.number(value) }

    private static func integer(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : SVGWriter.number(value)
    }

    /// A linear axis from 0 with about five "nice" ticks (1, 2 or 5 × 10^k apart, whole numbers).
    struct Scale {
        let ticks: [Double]
        var top: Double { ticks.last ?? 1 }

        init(maximum: Double) {
            let target = max(maximum, 1) / 5
            var magnitude = 1.0
            while magnitude * 10 <= target { magnitude *= 10 }
            let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= target } ?? magnitude * 10
            var ticks = [0.0]
            while ticks.last! < maximum || ticks.count < 2 { ticks.append(ticks.last! + step) }
            self.ticks = ticks
        }
    }
}
