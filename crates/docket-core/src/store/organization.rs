//! The organization named in the header of every exported document: its name and logo.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::export::logo::read_logo;
use crate::export::model::{ImageFormat, Logo, Organization};
use crate::{Error, Result};

/// The longest organization name accepted.
pub const MAX_ORGANIZATION_NAME: usize = 200;

impl Store {
    /// The organization's name (empty when not set) and logo.
    pub fn organization(&self) -> Result<Organization> {
        let name: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = 'organization_name'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let logo = self
            .conn
            .query_row(
                "SELECT format, width, height, bytes FROM organization_logo WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, u32>(1)?,
                        r.get::<_, u32>(2)?,
                        r.get::<_, Vec<u8>>(3)?,
                    ))
                },
            )
            .optional()?
            .map(|(format, width, height, bytes)| Logo {
                format: if format == "jpeg" {
                    ImageFormat::Jpeg
                } else {
                    ImageFormat::Png
                },
                width,
                height,
                bytes,
            });
        Ok(Organization {
            name: name.unwrap_or_default(),
            logo,
        })
    }

    /// Sets the organization's name; an empty name removes it from the documents' header.
    pub fn set_organization_name(&mut self, name: &str) -> Result<()> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.chars().count() > MAX_ORGANIZATION_NAME {
            return Err(Error::InvalidInput(format!(
                "The organization's name is {} characters long; Docket takes up to {MAX_ORGANIZATION_NAME}. \
                 Shorten it (an abbreviation is fine).",
                name.chars().count()
            )));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting(key, value) VALUES ('organization_name', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [&name],
            )?;
            Ok(())
        })
    }

    /// Sets the logo from an image file's bytes (PNG or JPEG, checked first: a bad file changes
    /// nothing), or removes it with `None`.
    pub fn set_organization_logo(&mut self, bytes: Option<Vec<u8>>) -> Result<()> {
        let logo = bytes.map(read_logo).transpose()?;
        self.write(|tx| {
            tx.execute("DELETE FROM organization_logo", [])?;
            if let Some(logo) = &logo {
                let format = match logo.format {
                    ImageFormat::Png => "png",
                    ImageFormat::Jpeg => "jpeg",
                };
                tx.execute(
                    "INSERT INTO organization_logo(id, format, width, height, bytes)
                     VALUES (1, ?1, ?2, ?3, ?4)",
                    params![format, logo.width, logo.height, logo.bytes],
                )?;
            }
            Ok(())
        })
    }
}
