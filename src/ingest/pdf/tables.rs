//! Tables printed without ruling lines: cells sit side by side with a wide gap between them,
//! and each column keeps its left edge from line to line. Read line by line, such a table
//! weaves its cells into one another; read column by column within each row band, each cell
//! stays whole, the way a text rendering of the page lists them.

use super::{Line, Run};

/// How far a column's left edges may wander and still be one column, in points.
const ALIGN: f64 = 3.0;

/// A stretch of lines laid out as columns, with the left edge of every column but the first.
#[derive(Debug)]
pub(super) struct Region {
    pub start: usize,
    pub end: usize,
    pub edges: Vec<f64>,
}

/// Whether any run on the line spans the edge `x`.
fn crosses(line: &Line, x: f64) -> bool {
    line.runs.iter().any(|r| r.x0 < x - ALIGN && r.x1 > x + ALIGN)
}

/// Left edges of runs that follow a gap too wide for a word space.
fn gap_starts(line: &Line) -> Vec<f64> {
    line.runs.windows(2).filter(|w| w[1].x0 - w[0].x1 >= line.size * 1.5).map(|w| w[1].x0).collect()
}

fn starts_at(line: &Line, x: f64) -> bool {
    line.runs.iter().any(|r| (r.x0 - x).abs() <= ALIGN)
}

/// Lines close enough in height to belong to one table.
fn adjacent(a: &Line, b: &Line) -> bool {
    let dy = b.y - a.y;
    dy > 0.0 && dy <= a.size.max(b.size) * 3.0
}

/// The table regions of a page's lines, in order and not overlapping. A region needs at least
/// two lines with a cell on both sides of the same aligned edge, and no line in it may cross
/// that edge.
pub(super) fn regions(lines: &[Line]) -> Vec<Region> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let found = gap_starts(&lines[i]).into_iter().find_map(|c| {
            let mut j = i + 1;
            while j < lines.len() && !crosses(&lines[j], c) && adjacent(&lines[j - 1], &lines[j]) {
                j += 1;
            }
            let split = (i..j).filter(|&k| gap_starts(&lines[k]).iter().any(|&s| (s - c).abs() <= ALIGN)).count();
            (split >= 2).then_some((j, c))
        });
        let Some((end, first)) = found else {
            i += 1;
            continue;
        };
        // Further columns: other aligned edges no line of the region crosses.
        let mut edges = vec![first];
        for k in i..end {
            for s in gap_starts(&lines[k]) {
                if edges.iter().any(|&e| (e - s).abs() <= ALIGN) {
                    continue;
                }
                let aligned = (i..end).filter(|&m| starts_at(&lines[m], s)).count();
                if aligned >= 2 && (i..end).all(|m| !crosses(&lines[m], s)) {
                    edges.push(s);
                }
            }
        }
        edges.sort_by(f64::total_cmp);
        out.push(Region { start: i, end, edges });
        i = end;
    }
    out
}

/// A region's lines regrouped: one list of lines per cell, row band by row band, column by
/// column. A new band starts where every column pauses, at a gap wider than `row_gap`.
pub(super) fn cells(lines: &[Line], edges: &[f64], row_gap: f64) -> Vec<Vec<Line>> {
    let column = |r: &Run| edges.iter().filter(|&&e| r.x0 >= e - ALIGN).count();
    let mut out = Vec::new();
    let mut band: Vec<Vec<Line>> = vec![Vec::new(); edges.len() + 1];
    let flush = |band: &mut Vec<Vec<Line>>, out: &mut Vec<Vec<Line>>| {
        for col in band.iter_mut() {
            if !col.is_empty() {
                out.push(std::mem::take(col));
            }
        }
    };
    for (k, line) in lines.iter().enumerate() {
        if k > 0 && line.y - lines[k - 1].y > row_gap {
            flush(&mut band, &mut out);
        }
        for (col, cell) in band.iter_mut().enumerate() {
            let runs: Vec<Run> = line.runs.iter().filter(|r| column(r) == col).cloned().collect();
            if !runs.is_empty() {
                cell.push(Line { y: line.y, size: line.size, runs });
            }
        }
    }
    flush(&mut band, &mut out);
    out
}
