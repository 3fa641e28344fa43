"""A synthetic nation of plans for testing and benchmarking planlint at national scale.

`planlint synth -o DIR` writes one national plan, provinces (a few of them municipalities whose districts
sit directly under them), cities and counties: valid plan files with realistic mixes of minerals, units,
scopes and regions, 40–80 indicators each. The clean nation conforms to every bundled rule; then a chosen
number of violations is planted for each rule, and `DIR/manifest.json` lists each one as
(plan, rule, mineral). The same seed gives the same files, byte for byte.

Modules: `catalog` (minerals, units, names), `shape` (how many plans and where), `draft` (the in-memory
nation), `build` (the clean nation), `plant` and `planters_*` (violations, one planter per rule kind),
`emit` (YAML and the manifest), `command` (the CLI command). Only `command` is imported by the CLI.
"""
