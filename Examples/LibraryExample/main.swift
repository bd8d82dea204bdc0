import CoauthorCore

// Read a bibliography, resolve its authors to people and build the co-authorship network.
let analysis = try Analysis(AnalysisRequest(inputs: ["Data/publications.bib"]))

// Exact betweenness, with the authors' papers and co-authors beside it.
let metrics = analysis.metrics(MetricRequest([.betweenness, .papers, .degree]))

// The ten authors most often on the shortest paths between others.
print(analysis.ranking(by: .betweenness, metrics: metrics, top: 10).plain())

// The network with those metrics as GraphML, for Gephi, Cytoscape, networkx or igraph.
for file in analysis.export(.graphml, metrics: metrics, destination: "network.graphml") {
    try AtomicFile.write(file.bytes, to: file.path!)
}
