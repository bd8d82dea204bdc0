@testable import CoauthorCore
import Testing

/// A name is never dropped silently: a lone undefined command is kept by its letters, the file's
/// own `\def` macros are expanded, and every dropped name is counted and said to be dropped.
struct NoAuthorLostTests {
    @Test func aLoneUndefinedCommandIsKeptByItsLetters() throws {
        let bib = "@preamble{\"\\input{thanh}\"}\n@article{a, author = \"\\Thanh\", year = 2001}\n@article{b, author = \"{\\Thanh} and Bob Smith\", year = 2002}\n"
        let corpus = try BibTeXReader.read(bytes: Array(bib.utf8), path: "t.bib")
        #expect(corpus.publications.count == 2)
        #expect(corpus.publications.map { $0.authors.map(\.displayName) } == [["Thanh"], ["Thanh", "Bob Smith"]])
        let warnings = corpus.diagnostics.filter { $0.message.contains("does not define") }
        #expect(warnings.count == 2)
        #expect(warnings.first?.message.contains("entry 'a'") == true && warnings.first?.message.contains("kept as the name 'Thanh'") == true)
        #expect(corpus.droppedNames == 0)
    }

    /// An undefined command inside a name keeps its letters too: dropped, `\Thanh Nguyen` and
    /// `\Minh Nguyen` were one `Nguyen`, in silence, also in exact mode (a hostile-input trial of
    /// session 57). Commands LaTeX decodes, or with an argument, read as before.
    @Test func anUndefinedCommandInsideANameKeepsItsLetters() throws {
        let bib = #"""
            @article{v1, author = {\Thanh Nguyen and Bob Smith}, year = 2020}
            @article{v2, author = {\Minh{} Nguyen and Nguyen, \Lan}, year = 2021}
            @article{v3, author = {J{\"o}rg M{\"u}ller and {\relax Ch}ristophe Dupont and \emph{Ann} Lee and Ren\'{e} Sm{\o}rgrav}, year = 2022}
            """#
        let corpus = try BibTeXReader.read(bytes: Array(bib.utf8), path: "u.bib")
        #expect(corpus.publications.map { $0.authors.map(\.displayName) }
            == [["Thanh Nguyen", "Bob Smith"], ["Minh Nguyen", "Lan Nguyen"], ["Jörg Müller", "Christophe Dupont", "Ann Lee", "René Smørgrav"]])
        let warnings = corpus.diagnostics.filter { $0.message.contains("does not define") }.map(\.message)
        #expect(warnings == ["entry 'v1': the author '\\Thanh Nguyen' uses a command this file does not define; kept as the name 'Thanh Nguyen' (define it in @preamble with \\def to spell it out)",
                             "entry 'v2': the author '\\Minh{} Nguyen' uses a command this file does not define; kept as the name 'Minh Nguyen' (define it in @preamble with \\def to spell it out)",
                             "entry 'v2': the author 'Nguyen, \\Lan' uses a command this file does not define; kept as the name 'Lan Nguyen' (define it in @preamble with \\def to spell it out)"],
                "\(warnings)")
        let index = AuthorResolver.resolve(corpus.publications, mode: .exact)
        #expect(Set(index.names).isSuperset(of: ["Thanh Nguyen", "Minh Nguyen", "Lan Nguyen"]), "\(index.names)")
    }

    /// Only a command written like a name's word is kept by its letters: LaTeX's own (`{\sc
    /// Knuth}`, `{\em Smith}`) read as before, and MathSciNet's letters decode (a review of
    /// session 57 found `\sc` spelled out: `Donald E. sc Knuth`).
    @Test func onlyCommandsWrittenLikeANameAreKept() throws {
        let bib = #"""
            @article{a, author = {{\sc Knuth}, Donald E. and {\em Smith}, John and Jos\'e {\bf Garc\'ia}}, year = 2001}
            @article{b, author = {Gel\cprime fand, I. M. and \Dbar okovi\'c, D. and Jean-\Pierre Serre and O'\Brien, Pat}, year = 2002}
            """#
        let corpus = try BibTeXReader.read(bytes: Array(bib.utf8), path: "k.bib")
        #expect(corpus.publications.map { $0.authors.map(\.displayName) }
            == [["Donald E. Knuth", "John Smith", "José García"], ["I. M. Gelʹfand", "D. Đoković", "Jean-Pierre Serre", "Pat O'Brien"]],
                "\(corpus.publications.map { $0.authors.map(\.displayName) })")
        let warned = corpus.diagnostics.filter { $0.message.contains("does not define") }.map(\.message)
        #expect(warned.count == 2 && warned.allSatisfy { $0.hasPrefix("entry 'b'") }, "\(warned)")
    }

    @Test func macrosOfThePreambleAreExpanded() throws {
        let bib = #"""
            @preamble{"\def\Thanh{H{\`a}n Th{\^e} Th{\`a}nh}" # "\newcommand{\Knuth}{Donald E. Knuth}"}
            @article{a, author = "\Thanh and \Knuth", year = 2001}
            """#
        let corpus = try BibTeXReader.read(bytes: Array(bib.utf8), path: "d.bib")
        let names = try #require(corpus.publications.first).authors.map(\.displayName)
        #expect(names == ["Hàn Thê Thành", "Donald E. Knuth"])
        #expect(!corpus.diagnostics.contains { $0.message.contains("does not define") })
    }

    @Test func droppedNamesAreCountedAndSaidToBeDropped() throws {
        let bib = "@article{a, author = {A One and {} and B Two}, year = 2001}\n"
        let corpus = try BibTeXReader.read(bytes: Array(bib.utf8), path: "e.bib")
        #expect(corpus.publications.first?.authors.count == 2)
        #expect(corpus.droppedNames == 1)
        #expect(corpus.diagnostics.contains { $0.severity == .warning && $0.message.contains("is dropped") })
    }
}
