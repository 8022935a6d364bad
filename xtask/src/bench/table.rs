//! A small table that prints as aligned text for the terminal and as Markdown for the README.

pub struct Table {
    pub title: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// What exactly was measured, under the table.
    pub note: String,
}

impl Table {
    pub fn new(title: &str, head: &[&str]) -> Table {
        Table {
            title: title.to_string(),
            head: head.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            note: String::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.head.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(cell.chars().count());
                }
            }
        }
        widths
    }

    /// Aligned columns, the first left-aligned and the others right-aligned (they hold figures).
    pub fn text(&self) -> String {
        let widths = self.widths();
        let line = |cells: &[String]| {
            let parts: Vec<String> = cells
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (cell, w))| {
                    if i == 0 {
                        format!("{cell:<w$}")
                    } else {
                        format!("{cell:>w$}")
                    }
                })
                .collect();
            format!("  {}\n", parts.join("  ").trim_end())
        };
        let mut out = format!("{}\n", self.title);
        out.push_str(&line(&self.head));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        if !self.note.is_empty() {
            out.push_str(&format!("  ({})\n", self.note));
        }
        out
    }

    pub fn markdown(&self) -> String {
        let escape = |cell: &String| cell.replace('|', "\\|");
        let line = |cells: &[String]| {
            format!(
                "| {} |\n",
                cells.iter().map(escape).collect::<Vec<_>>().join(" | ")
            )
        };
        let mut out = format!("**{}**\n\n", self.title);
        out.push_str(&line(&self.head));
        let rule: Vec<String> = (0..self.head.len())
            .map(|i| {
                if i == 0 {
                    "---".to_string()
                } else {
                    "---:".to_string()
                }
            })
            .collect();
        out.push_str(&format!("|{}|\n", rule.join("|")));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        if !self.note.is_empty() {
            out.push_str(&format!("\n{}\n", self.note));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut table = Table::new("Sizes", &["file", "gzip"]);
        table.row(vec!["app.wasm".into(), "330.3 KB".into()]);
        table.row(vec!["a|b".into(), "1 KB".into()]);
        table.note = "gzip -9".into();
        table
    }

    #[test]
    fn text_aligns_figures_to_the_right() {
        assert_eq!(
            sample().text(),
            "Sizes\n  file          gzip\n  app.wasm  330.3 KB\n  a|b           1 KB\n  (gzip -9)\n"
        );
    }

    #[test]
    fn markdown_escapes_pipes_and_right_aligns_figures() {
        assert_eq!(
            sample().markdown(),
            "**Sizes**\n\n| file | gzip |\n|---|---:|\n| app.wasm | 330.3 KB |\n| a\\|b | 1 KB |\n\ngzip -9\n"
        );
    }
}
