#!/usr/bin/env python3
"""Draws the app's Marketplace logos: a green rounded square with a white "S" built from bars.

Standard library only (zlib, struct), so the PNGs are reproducible anywhere:
    python3 assets/src/make_logos.py      # writes assets/logo.png (320x320) and assets/logo-small.png (128x128)
The shapes are defined on a 1.0 x 1.0 canvas and sampled 4x4 per pixel for smooth edges.
"""

import os
import struct
import zlib

GREEN = (0x1F, 0x8A, 0x5B)   # close to Zendesk Sell's green, not the trademark colour itself
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4                  # per axis, per pixel

# The square: inset, corner radius (fractions of the canvas).
INSET = 0.04
RADIUS = 0.20

# The "S": three horizontal bars joined by two vertical ones (top-left, bottom-right) and two short
# terminals: a plain, blocky glyph that still reads as S at 32 px.
BARS = [
    (0.28, 0.22, 0.72, 0.34),  # top
    (0.28, 0.22, 0.40, 0.56),  # upper left stem
    (0.28, 0.44, 0.72, 0.56),  # middle
    (0.60, 0.44, 0.72, 0.78),  # lower right stem
    (0.28, 0.66, 0.72, 0.78),  # bottom
    (0.60, 0.22, 0.72, 0.38),  # top-right terminal: tells the S from a 5
    (0.28, 0.62, 0.40, 0.78),  # bottom-left terminal
]


def in_rounded_square(x, y):
    lo, hi = INSET, 1.0 - INSET
    if not (lo <= x <= hi and lo <= y <= hi):
        return False
    cx = min(max(x, lo + RADIUS), hi - RADIUS)
    cy = min(max(y, lo + RADIUS), hi - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def in_glyph(x, y):
    return any(x0 <= x <= x1 and y0 <= y <= y1 for (x0, y0, x1, y1) in BARS)


def pixel(px, py, size):
    """RGBA of one pixel: coverage of the square is alpha, coverage of the glyph mixes in white."""
    square = glyph = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            if in_rounded_square(x, y):
                square += 1
                if in_glyph(x, y):
                    glyph += 1
    if square == 0:
        return (0, 0, 0, 0)
    white = glyph / square
    rgb = tuple(round(g * (1 - white) + w * white) for g, w in zip(GREEN, WHITE))
    alpha = round(255 * square / (SAMPLES * SAMPLES))
    return rgb + (alpha,)


def png(size):
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # filter type: none
        for px in range(size):
            rows.extend(pixel(px, py, size))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def main():
    assets = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for name, size in (("logo.png", 320), ("logo-small.png", 128)):
        path = os.path.join(assets, name)
        with open(path, "wb") as out:
            out.write(png(size))
        print(f"{path}: {size}x{size}")


if __name__ == "__main__":
    main()
