//! Receipt files for expense claims (UG-13): only PDF, PNG and JPEG, known
//! by their first bytes as well as their name, under a size limit from
//! settings. The name is kept for display only; files are stored under a
//! generated name, so no name can reach outside the receipts folder.

use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReceiptKind {
    Pdf,
    Png,
    Jpeg,
}

impl ReceiptKind {
    pub fn content_type(&self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }

    pub fn extension(&self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
        }
    }

    pub fn from_content_type(raw: &str) -> Option<Self> {
        [Self::Pdf, Self::Png, Self::Jpeg].into_iter().find(|k| k.content_type() == raw)
    }

    fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else {
            None
        }
    }

    fn by_extension(name: &str) -> Option<Self> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Self::Pdf),
            "png" => Some(Self::Png),
            "jpg" | "jpeg" => Some(Self::Jpeg),
            _ => None,
        }
    }
}

/// A receipt that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// The uploader's file name, for display.
    pub file_name: String,
    pub kind: ReceiptKind,
    pub size: usize,
}

pub const MAX_NAME_CHARS: usize = 120;

/// Checks an uploaded file's name, size and type.
pub fn check(file_name: &str, bytes: &[u8], max_bytes: usize) -> Result<Receipt, DomainError> {
    let field = |code| DomainError::field("receipt", code);
    let name = file_name.trim();
    let unsafe_name = name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.contains(['/', '\\', ':'])
        || name.starts_with('.')
        || name.contains("..")
        || name.chars().any(char::is_control);
    if unsafe_name {
        return Err(field("file_name_invalid"));
    }
    if bytes.is_empty() {
        return Err(field("file_empty"));
    }
    if bytes.len() > max_bytes {
        return Err(field("file_too_large"));
    }
    match (ReceiptKind::by_extension(name), ReceiptKind::sniff(bytes)) {
        (Some(by_name), Some(by_bytes)) if by_name == by_bytes => {
            Ok(Receipt { file_name: name.to_owned(), kind: by_bytes, size: bytes.len() })
        }
        _ => Err(field("file_type_refused")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n";

    #[test]
    fn ug13_pdf_png_and_jpeg_receipts_are_accepted() {
        assert_eq!(check("taxi.pdf", PDF, 1000).map(|r| r.kind), Ok(ReceiptKind::Pdf));
        assert_eq!(check("pizza.JPG", &[0xFF, 0xD8, 0xFF, 0xE0, 1], 1000).map(|r| r.kind), Ok(ReceiptKind::Jpeg));
        assert_eq!(check("room.png", b"\x89PNG\r\n\x1a\nrest", 1000).map(|r| r.kind), Ok(ReceiptKind::Png));
    }

    #[test]
    fn ug13_wrong_type_oversize_and_traversal_names_are_refused() {
        let err = |code| Err(DomainError::field("receipt", code));
        assert_eq!(check("invoice.html", b"<html>", 1000), err("file_type_refused"));
        assert_eq!(check("invoice.pdf", b"<html>", 1000), err("file_type_refused"), "bytes must match the name");
        assert_eq!(check("invoice.exe", PDF, 1000), err("file_type_refused"));
        assert_eq!(check("big.pdf", PDF, 4), err("file_too_large"));
        assert_eq!(check("empty.pdf", b"", 1000), err("file_empty"));
        for name in ["../../etc/passwd.pdf", "..\\win.pdf", "a/b.pdf", ".hidden.pdf", "C:evil.pdf", "", "a\nb.pdf"] {
            assert_eq!(check(name, PDF, 1000), err("file_name_invalid"), "{name:?}");
        }
    }
}
