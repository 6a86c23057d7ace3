/**
 * Sets every entry's modification time in a ZIP (an XLSX) to one date, so that a run with a
 * fixed clock writes the same bytes: exceljs's zip stamps entries with the time of writing.
 * Walks the central directory (APPNOTE 4.3.12) and each entry's local header (4.3.7); the
 * DOS time and date sit at offsets 12/14 of the first and 10/12 of the second.
 */
export function pinZipDates(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return out;
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  // DOS dates start in 1980 and count two-second steps, in local time by convention: UTC here.
  const y = Math.max(1980, date.getUTCFullYear());
  const dosDate = ((y - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  for (let k = 0; k < entries && out.readUInt32LE(p) === 0x02014b50; k++) {
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) === 0x04034b50) {
      out.writeUInt16LE(dosTime, local + 10);
      out.writeUInt16LE(dosDate, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
