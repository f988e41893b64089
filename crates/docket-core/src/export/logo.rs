//! The organization's logo: a PNG or JPEG file, checked and measured from its header.

use super::model::{ImageFormat, Logo};
use crate::{Error, Result};

/// The largest logo file accepted: it is copied into every document.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Checks that `bytes` is a PNG or JPEG image of a sensible size and reads its dimensions.
pub fn read_logo(bytes: Vec<u8>) -> Result<Logo> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(Error::InvalidInput(format!(
            "The logo file is {:.1} MB; Docket takes logos up to 2 MB. Save a smaller copy of it \
             (a logo a few hundred pixels wide is enough) and choose that.",
            bytes.len() as f64 / (1024.0 * 1024.0)
        )));
    }
    let (format, width, height) = if bytes.starts_with(PNG_SIGNATURE) {
        let (w, h) = png_size(&bytes).ok_or_else(damaged)?;
        (ImageFormat::Png, w, h)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        let (w, h) = jpeg_size(&bytes).ok_or_else(damaged)?;
        (ImageFormat::Jpeg, w, h)
    } else {
        return Err(Error::InvalidInput(
            "This file is not a PNG or JPEG image. Choose the logo as a .png or .jpg file.".into(),
        ));
    };
    if width == 0 || height == 0 || width > 10_000 || height > 10_000 {
        return Err(Error::InvalidInput(format!(
            "The logo is {width} × {height} pixels; Docket takes images up to 10,000 pixels on \
             each side. Choose a smaller image."
        )));
    }
    Ok(Logo {
        format,
        width,
        height,
        bytes,
    })
}

fn damaged() -> Error {
    Error::InvalidInput(
        "The image file is damaged: its size could not be read. Open it in an image editor, save \
         it again as PNG, and choose that copy."
            .into(),
    )
}

fn be_u32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 4)?;
    Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

fn be_u16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at + 2)?;
    Some(u16::from_be_bytes([s[0], s[1]]))
}

/// The IHDR chunk comes first: length, `IHDR`, width, height.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((be_u32(b, 16)?, be_u32(b, 20)?))
}

/// Walks the JPEG's segments to the first start-of-frame marker, which holds the size.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // Markers may be padded with extra 0xFF bytes.
        while *b.get(at)? == 0xFF && *b.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *b.get(at)? != 0xFF {
            return None;
        }
        let marker = *b.get(at + 1)?;
        match marker {
            // Start of frame (baseline, progressive…); not DHT (C4), JPG (C8) or DAC (CC).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let height = be_u16(b, at + 5)?;
                let width = be_u16(b, at + 7)?;
                return Some((u32::from(width), u32::from(height)));
            }
            // Markers without a length.
            0xD0..=0xD9 | 0x01 => at += 2,
            _ => at += 2 + usize::from(be_u16(b, at + 2)?),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut b = PNG_SIGNATURE.to_vec();
        b.extend_from_slice(&13u32.to_be_bytes());
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    #[test]
    fn png_and_jpeg_sizes_are_read_from_their_headers() {
        let logo = read_logo(png(320, 80)).unwrap();
        assert_eq!(
            (logo.format, logo.width, logo.height),
            (ImageFormat::Png, 320, 80)
        );

        // SOI, an APP0 segment of 16 bytes, then a baseline frame 200 wide and 50 high.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        jpeg.extend_from_slice(&[0; 14]);
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 50, 0x00, 200, 3]);
        let logo = read_logo(jpeg).unwrap();
        assert_eq!(
            (logo.format, logo.width, logo.height),
            (ImageFormat::Jpeg, 200, 50)
        );
    }

    #[test]
    fn other_files_and_damaged_or_huge_images_are_refused_with_what_to_do() {
        let err = read_logo(b"GIF89a....".to_vec()).unwrap_err().to_string();
        assert!(err.contains("PNG or JPEG"), "{err}");
        let err = read_logo(PNG_SIGNATURE.to_vec()).unwrap_err().to_string();
        assert!(err.contains("damaged"), "{err}");
        let err = read_logo(vec![0xFF, 0xD8, 0xFF, 0xE0])
            .unwrap_err()
            .to_string();
        assert!(err.contains("damaged"), "{err}");
        let err = read_logo(png(20_000, 10)).unwrap_err().to_string();
        assert!(err.contains("20000 × 10"), "{err}");
        let mut big = png(10, 10);
        big.resize(MAX_LOGO_BYTES + 1, 0);
        let err = read_logo(big).unwrap_err().to_string();
        assert!(err.contains("up to 2 MB"), "{err}");
    }
}
