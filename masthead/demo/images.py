"""Original flat-colour illustrations for the demo newsroom.

Every picture is drawn from scratch with Pillow: no photographs, stock art or
external assets are involved. The drawings are deterministic for a given
``(motif, seed)`` pair, so the demo data loads identically on every machine,
while different seeds give different skies, palettes and layouts.

Two public functions are exposed:

* :func:`draw_scene` renders a landscape illustration for one of
  :data:`MOTIFS` and returns JPEG bytes.
* :func:`draw_portrait` renders a square head-and-shoulders avatar with the
  person's initials and returns JPEG bytes.
"""

import io
import math
import random
from collections.abc import Callable, Sequence

from PIL import Image, ImageChops, ImageDraw, ImageFont, features

Color = tuple[int, int, int]
Point = tuple[float, float]

MOTIFS: tuple[str, ...] = (
    "skyline",
    "river",
    "grid",
    "courtroom",
    "market",
    "stage",
    "field",
    "harbour",
    "mountains",
    "lab",
    "train",
    "portrait-crowd",
)

# Scenes are drawn at this multiple of the requested size and then reduced,
# which gives cheap anti-aliasing for polygons and thin lines.
_SUPERSAMPLE = 2
_JPEG_QUALITY = 82

_DAY_SKIES: list[tuple[Color, Color]] = [
    ((86, 138, 199), (198, 223, 241)),
    ((64, 116, 178), (222, 232, 236)),
    ((104, 150, 196), (238, 214, 186)),
    ((120, 164, 204), (232, 236, 226)),
]
_DUSK_SKIES: list[tuple[Color, Color]] = [
    ((38, 44, 92), (238, 146, 98)),
    ((30, 38, 74), (216, 122, 118)),
    ((54, 62, 112), (250, 192, 124)),
    ((72, 52, 104), (246, 170, 130)),
]
_NIGHT_SKIES: list[tuple[Color, Color]] = [
    ((9, 15, 38), (46, 58, 106)),
    ((14, 20, 44), (70, 64, 112)),
]

_CLOTHES: list[Color] = [
    (46, 64, 96),
    (150, 52, 48),
    (60, 96, 74),
    (196, 150, 60),
    (88, 70, 112),
    (40, 40, 46),
    (120, 128, 140),
    (176, 92, 64),
    (54, 110, 140),
    (210, 200, 184),
]
_SKIN: list[Color] = [
    (241, 206, 176),
    (224, 178, 140),
    (198, 146, 106),
    (160, 108, 74),
    (112, 76, 52),
    (232, 190, 160),
]
_HAIR: list[Color] = [
    (36, 28, 24),
    (70, 48, 32),
    (120, 84, 48),
    (180, 150, 100),
    (140, 136, 130),
    (22, 22, 26),
]
_PORTRAIT_BACKGROUNDS: list[Color] = [
    (214, 96, 72),
    (62, 120, 158),
    (84, 146, 112),
    (226, 176, 72),
    (128, 96, 160),
    (196, 110, 140),
    (70, 150, 156),
    (162, 132, 96),
]


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _mix(a: Sequence[int], b: Sequence[int], t: float) -> Color:
    """Linearly interpolate between two RGB colours."""
    t = max(0.0, min(1.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _vary(color: Sequence[int], rng: random.Random, amount: int) -> Color:
    """Nudge each channel of ``color`` by up to ``amount``."""
    return (
        max(0, min(255, color[0] + rng.randint(-amount, amount))),
        max(0, min(255, color[1] + rng.randint(-amount, amount))),
        max(0, min(255, color[2] + rng.randint(-amount, amount))),
    )


def _brightness(color: Sequence[int]) -> float:
    return 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]


def _gradient(size: tuple[int, int], top: Color, bottom: Color) -> Image.Image:
    """A vertical gradient image from ``top`` to ``bottom``."""
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    column = Image.new("RGB", (1, h))
    column.putdata([_mix(top, bottom, y / max(1, h - 1)) for y in range(h)])
    return column.resize((w, h), Image.Resampling.NEAREST)


def _sky(img: Image.Image, rng: random.Random, skies: list[tuple[Color, Color]]) -> tuple[Color, Color]:
    top, bottom = rng.choice(skies)
    top, bottom = _vary(top, rng, 8), _vary(bottom, rng, 8)
    img.paste(_gradient(img.size, top, bottom))
    return top, bottom


def _lw(value: float) -> int:
    """A line width that Pillow accepts."""
    return max(1, int(round(value)))


def _ridge(
    rng: random.Random,
    width: float,
    base: float,
    amplitude: float,
    roughness: float = 0.15,
    steps: int = 140,
) -> list[Point]:
    """A smooth-ish random horizon line from x=0 to x=width."""
    waves = [
        (rng.uniform(0.8, 1.6), rng.uniform(0, math.tau), 0.55),
        (rng.uniform(2.0, 3.8), rng.uniform(0, math.tau), 0.3),
        (rng.uniform(5.0, 9.0), rng.uniform(0, math.tau), 0.15),
    ]
    points: list[Point] = []
    noise = 0.0
    for i in range(steps + 1):
        x = width * i / steps
        u = i / steps * math.tau
        y = sum(math.sin(f * u + p) * a for f, p, a in waves)
        noise = noise * 0.6 + rng.uniform(-1, 1) * roughness
        points.append((x, base - amplitude * (y + noise)))
    return points


def _sun(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, sky_bottom: Color) -> None:
    r = rng.uniform(0.035, 0.065) * h
    cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.12, 0.32) * h
    draw.ellipse(
        (cx - r * 1.6, cy - r * 1.6, cx + r * 1.6, cy + r * 1.6), fill=_mix(sky_bottom, (255, 246, 220), 0.25)
    )
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_mix(sky_bottom, (255, 246, 220), 0.8))


def _stars(
    draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, top: Color, limit: float = 0.45
) -> None:
    for _ in range(rng.randint(40, 90)):
        x, y = rng.uniform(0, w), rng.uniform(0, limit * h)
        s = rng.uniform(0.8, 2.0) * h / 900
        draw.ellipse((x - s, y - s, x + s, y + s), fill=_mix(top, (255, 255, 255), 0.75))


def _bird(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, color: Color) -> None:
    draw.line(
        [(x - s, y - s * 0.4), (x, y), (x + s, y - s * 0.4)], fill=color, width=_lw(s * 0.22), joint="curve"
    )


def _person(
    draw: ImageDraw.ImageDraw,
    x: float,
    base: float,
    height: float,
    body: Color,
    head: Color,
) -> None:
    """A simple standing figure whose feet touch ``base``."""
    r = height * 0.11
    head_cy = base - height + r
    draw.ellipse((x - r, head_cy - r, x + r, head_cy + r), fill=head)
    shoulder_y = head_cy + r * 1.25
    hw = height * 0.17
    draw.rounded_rectangle((x - hw, shoulder_y, x + hw, base - height * 0.38), radius=hw * 0.45, fill=body)
    legs = _mix(body, (20, 20, 24), 0.45)
    draw.rectangle((x - hw * 0.8, base - height * 0.42, x - hw * 0.08, base), fill=legs)
    draw.rectangle((x + hw * 0.08, base - height * 0.42, x + hw * 0.8, base), fill=legs)


def _bust(
    draw: ImageDraw.ImageDraw,
    cx: float,
    bottom: float,
    scale: float,
    body: Color,
    head: Color,
    hair: Color | None,
) -> None:
    """Head and shoulders; ``scale`` is roughly the shoulder width."""
    shoulder_top = bottom - scale * 0.55
    draw.ellipse((cx - scale * 0.5, shoulder_top, cx + scale * 0.5, bottom + scale * 0.55), fill=body)
    draw.rectangle(
        (cx - scale * 0.09, shoulder_top - scale * 0.12, cx + scale * 0.09, shoulder_top + scale * 0.1),
        fill=head,
    )
    hr = scale * 0.2
    hcy = shoulder_top - scale * 0.2
    draw.ellipse((cx - hr * 0.88, hcy - hr, cx + hr * 0.88, hcy + hr * 1.05), fill=head)
    if hair is not None:
        draw.chord((cx - hr * 0.95, hcy - hr * 1.12, cx + hr * 0.95, hcy + hr * 0.6), 180, 360, fill=hair)


def _windows(
    draw: ImageDraw.ImageDraw,
    rng: random.Random,
    box: tuple[float, float, float, float],
    cell: tuple[float, float],
    lit: Color,
    unlit: Color,
    p_lit: float,
) -> None:
    """A grid of small windows inside ``box``."""
    x0, y0, x1, y1 = box
    cw, ch = cell
    cols = max(1, int((x1 - x0) / cw))
    rows = max(0, int((y1 - y0) / ch))
    pad_x = (x1 - x0 - cols * cw) / 2
    for r in range(rows):
        wy = y0 + r * ch + ch * 0.25
        for c in range(cols):
            wx = x0 + pad_x + c * cw + cw * 0.25
            color = lit if rng.random() < p_lit else unlit
            draw.rectangle((wx, wy, wx + cw * 0.5, wy + ch * 0.5), fill=color)


def _tree(
    draw: ImageDraw.ImageDraw, rng: random.Random, x: float, base: float, size: float, leaf: Color
) -> None:
    trunk = _mix(leaf, (60, 40, 30), 0.6)
    draw.rectangle((x - size * 0.06, base - size * 0.5, x + size * 0.06, base), fill=trunk)
    for _ in range(4):
        ox, oy = rng.uniform(-0.28, 0.28) * size, rng.uniform(-0.15, 0.15) * size
        r = rng.uniform(0.25, 0.38) * size
        cy = base - size * 0.75 + oy
        draw.ellipse((x + ox - r, cy - r, x + ox + r, cy + r), fill=_vary(leaf, rng, 10))


def _pine(draw: ImageDraw.ImageDraw, x: float, base: float, height: float, color: Color) -> None:
    hw = height * 0.22
    for k in range(3):
        top = base - height + k * height * 0.22
        bot = top + height * 0.48
        draw.polygon([(x, top), (x + hw * (0.6 + 0.2 * k), bot), (x - hw * (0.6 + 0.2 * k), bot)], fill=color)
    draw.rectangle(
        (x - hw * 0.12, base - height * 0.12, x + hw * 0.12, base), fill=_mix(color, (40, 30, 20), 0.5)
    )


def _water(
    img: Image.Image,
    draw: ImageDraw.ImageDraw,
    rng: random.Random,
    y0: float,
    near: Color,
    far: Color,
    streaks: int = 70,
) -> None:
    """Paste a water gradient from ``y0`` down and scatter ripple streaks."""
    w, h = img.size
    img.paste(_gradient((w, h - int(y0)), far, near), (0, int(y0)))
    for _ in range(streaks):
        y = rng.uniform(y0 + 4, h)
        depth = (y - y0) / max(1.0, h - y0)
        length = rng.uniform(0.03, 0.12) * w * (0.4 + depth)
        x = rng.uniform(-0.05, 1.0) * w
        shade = _mix(_mix(far, near, depth), (255, 255, 255), rng.uniform(0.12, 0.3))
        if rng.random() < 0.35:
            shade = _mix(_mix(far, near, depth), (0, 0, 0), 0.15)
        draw.line([(x, y), (x + length, y)], fill=shade, width=_lw(h * 0.004 * (0.5 + depth)))


# ---------------------------------------------------------------------------
# Motifs
# ---------------------------------------------------------------------------


def _draw_skyline(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    top, bottom = _sky(img, rng, _DUSK_SKIES + _NIGHT_SKIES)
    d = ImageDraw.Draw(img)
    if _brightness(top) < 40:
        _stars(d, rng, w, h, top)
    _sun(d, rng, w, h, bottom)
    dark = rng.choice([(18, 22, 40), (24, 20, 36), (20, 28, 38), (34, 30, 44)])
    lit = rng.choice([(255, 214, 120), (255, 228, 160), (250, 196, 104)])
    layers = 3
    for i in range(layers):
        depth = (i + 1) / layers
        col = _mix(bottom, dark, 0.3 + 0.65 * depth)
        max_h = (0.66 - 0.17 * i) * h
        min_h = (0.24 - 0.06 * i) * h
        x = -rng.uniform(0, 0.04) * w
        while x < w:
            bw = rng.uniform(0.045, 0.11) * w
            bh = rng.uniform(min_h, max_h)
            y0 = h - bh
            c = _vary(col, rng, 6)
            d.rectangle((x, y0, x + bw, h), fill=c)
            roof = rng.random()
            if roof < 0.2:
                ax = x + bw * rng.uniform(0.3, 0.7)
                d.rectangle((ax - 0.002 * w, y0 - 0.07 * h, ax + 0.002 * w, y0), fill=c)
            elif roof < 0.38:
                inset = bw * rng.uniform(0.15, 0.3)
                d.rectangle((x + inset, y0 - 0.04 * h, x + bw - inset, y0), fill=c)
            elif roof < 0.5:
                d.polygon([(x, y0), (x + bw / 2, y0 - bw * 0.35), (x + bw, y0)], fill=c)
            if i > 0:
                glow = _mix(c, lit, 0.55 + 0.45 * (i - 1))
                _windows(
                    d,
                    rng,
                    (x + bw * 0.06, y0 + 0.02 * h, x + bw * 0.94, h - 0.02 * h),
                    (0.014 * w, 0.032 * h),
                    glow,
                    _mix(c, (110, 120, 140), 0.12),
                    rng.uniform(0.15, 0.5),
                )
            x += bw + rng.uniform(-0.008, 0.012) * w


def _draw_river(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    top, bottom = _sky(img, rng, _DAY_SKIES + _DUSK_SKIES)
    d = ImageDraw.Draw(img)
    _sun(d, rng, w, h, bottom)
    horizon = rng.uniform(0.46, 0.5) * h
    hill = _mix(bottom, (58, 88, 78), 0.5)
    d.polygon(_ridge(rng, w, horizon - 0.07 * h, 0.05 * h) + [(w, horizon + 5), (0, horizon + 5)], fill=hill)
    bank = _mix(bottom, (70, 104, 70), 0.7)
    d.rectangle((0, horizon, w, horizon + 0.04 * h), fill=bank)
    x = 0.0
    while x < w:
        if rng.random() < 0.3:
            _tree(d, rng, x, horizon + 0.02 * h, rng.uniform(0.1, 0.15) * h, _mix(bank, (40, 80, 50), 0.4))
            x += rng.uniform(0.02, 0.04) * w
        else:
            bw, bh = rng.uniform(0.03, 0.07) * w, rng.uniform(0.08, 0.2) * h
            c = _vary(_mix(bottom, (110, 100, 104), 0.45), rng, 10)
            d.rectangle((x, horizon + 0.02 * h - bh, x + bw, horizon + 0.02 * h), fill=c)
            if rng.random() < 0.4:
                d.polygon(
                    [
                        (x, horizon + 0.02 * h - bh),
                        (x + bw / 2, horizon + 0.02 * h - bh - bw * 0.4),
                        (x + bw, horizon + 0.02 * h - bh),
                    ],
                    fill=c,
                )
            _windows(
                d,
                rng,
                (x + bw * 0.1, horizon + 0.03 * h - bh, x + bw * 0.9, horizon - 0.02 * h),
                (0.012 * w, 0.025 * h),
                _mix(c, (255, 226, 160), 0.5),
                _mix(c, (0, 0, 0), 0.08),
                0.3,
            )
            x += bw + rng.uniform(0.0, 0.01) * w
    water_top = horizon + 0.04 * h
    water_far = _mix(bottom, (60, 110, 140), 0.45)
    water_near = _mix(top, (20, 50, 80), 0.55)
    img.paste(_gradient((w, h - int(water_top)), water_far, water_near), (0, int(water_top)))

    # An arched bridge across the view, with its reflection in the water.
    stone = _mix(rng.choice([(150, 120, 100), (120, 112, 106), (170, 150, 122), (110, 96, 90)]), bottom, 0.15)
    water_line = water_top + rng.uniform(0.05, 0.07) * h
    deck = water_line - rng.uniform(0.12, 0.14) * h
    spans = rng.randint(3, 5)
    left, right = -0.05 * w, 1.05 * w
    pier = (right - left) * 0.025
    span_w = (right - left) / spans
    polys: list[list[Point]] = []
    for s in range(spans):
        xa = left + s * span_w + pier / 2
        xb = xa + span_w - pier
        rise = (water_line - deck) * 0.72
        arch = [
            (xa + (xb - xa) * u / 24, water_line - rise * math.sin(math.pi * u / 24) ** 0.7)
            for u in range(24, -1, -1)
        ]
        polys.append(
            [(xa - pier / 2, deck), (xb + pier / 2, deck), (xb + pier / 2, water_line)]
            + arch
            + [(xa - pier / 2, water_line)]
        )
    reflection = _mix(stone, water_far, 0.65)
    for poly in polys:
        d.polygon([(px, 2 * water_line - py) for px, py in poly], fill=reflection)
    for poly in polys:
        d.polygon(poly, fill=stone)
    d.rectangle((left, deck - 0.025 * h, right, deck), fill=_mix(stone, (255, 255, 255), 0.12))
    rail = _mix(stone, (30, 30, 30), 0.4)
    d.line([(left, deck - 0.045 * h), (right, deck - 0.045 * h)], fill=rail, width=_lw(0.004 * h))
    for _ in range(rng.randint(4, 7)):
        lx = rng.uniform(0.05, 0.95) * w
        d.line([(lx, deck - 0.025 * h), (lx, deck - 0.11 * h)], fill=rail, width=_lw(0.004 * h))
        d.ellipse((lx - 0.008 * h, deck - 0.12 * h, lx + 0.008 * h, deck - 0.104 * h), fill=(255, 226, 150))
    for _ in range(80):
        y = rng.uniform(water_top + 3, h)
        depth = (y - water_top) / (h - water_top)
        length = rng.uniform(0.03, 0.12) * w * (0.4 + depth)
        xs = rng.uniform(-0.05, 1.0) * w
        shade = _mix(_mix(water_far, water_near, depth), (255, 255, 255), rng.uniform(0.1, 0.28))
        d.line([(xs, y), (xs + length, y)], fill=shade, width=_lw(h * 0.004 * (0.5 + depth)))
    grass = _mix(bank, (50, 90, 40), 0.5)
    d.polygon([(0, h * rng.uniform(0.74, 0.84)), (w * rng.uniform(0.18, 0.3), h), (0, h)], fill=grass)
    d.polygon([(w, h * rng.uniform(0.8, 0.9)), (w * rng.uniform(0.78, 0.88), h), (w, h)], fill=grass)
    for _ in range(30):
        rx = rng.uniform(0, 0.16) * w
        d.line(
            [(rx, h), (rx + rng.uniform(-0.01, 0.01) * w, h - rng.uniform(0.05, 0.12) * h)],
            fill=_mix(grass, (20, 40, 20), 0.3),
            width=_lw(0.003 * h),
        )
    for _ in range(rng.randint(2, 5)):
        _bird(
            d, rng.uniform(0.1, 0.9) * w, rng.uniform(0.08, 0.3) * h, 0.012 * h, _mix(top, (20, 20, 30), 0.7)
        )


def _pylon(
    draw: ImageDraw.ImageDraw, cx: float, base: float, height: float, color: Color, lw: int
) -> list[Point]:
    """A lattice transmission tower; returns the points where conductors hang."""
    bw, tw = 0.16 * height, 0.045 * height
    body_top = base - 0.78 * height
    apex = base - height
    draw.line(
        [(cx - bw, base), (cx - tw, body_top), (cx, apex), (cx + tw, body_top), (cx + bw, base)],
        fill=color,
        width=lw,
        joint="curve",
    )
    segments = 7
    prev_l, prev_r, prev_y = cx - bw, cx + bw, base
    for k in range(1, segments + 1):
        t = k / segments
        y = base - 0.78 * height * t
        hw = bw + (tw - bw) * t
        draw.line([(prev_l, prev_y), (cx + hw, y)], fill=color, width=max(1, lw // 2))
        draw.line([(prev_r, prev_y), (cx - hw, y)], fill=color, width=max(1, lw // 2))
        draw.line([(cx - hw, y), (cx + hw, y)], fill=color, width=max(1, lw // 2))
        prev_l, prev_r, prev_y = cx - hw, cx + hw, y
    attach: list[Point] = []
    for frac, reach in ((0.6, 0.3), (0.76, 0.24)):
        y = base - height * frac
        draw.line([(cx - reach * height, y), (cx + reach * height, y)], fill=color, width=_lw(lw * 1.4))
        for side in (-1, 1):
            end = cx + side * reach * height
            draw.line(
                [(end, y), (cx + side * tw * 1.6, y + 0.06 * height)], fill=color, width=max(1, lw // 2)
            )
            ins = end - side * 0.02 * height
            draw.line([(ins, y), (ins, y + 0.05 * height)], fill=color, width=lw)
            attach.append((ins, y + 0.05 * height))
    attach.append((cx, apex))
    return attach


def _wire(draw: ImageDraw.ImageDraw, a: Point, b: Point, sag: float, color: Color, lw: int) -> None:
    pts = []
    for i in range(21):
        t = i / 20
        pts.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t)))
    draw.line(pts, fill=color, width=lw, joint="curve")


def _draw_grid(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    top, bottom = _sky(img, rng, _DAY_SKIES + _DUSK_SKIES)
    d = ImageDraw.Draw(img)
    _sun(d, rng, w, h, bottom)
    horizon = rng.uniform(0.68, 0.74) * h
    far = _mix(bottom, (80, 110, 90), 0.35)
    d.polygon(_ridge(rng, w, horizon - 0.02 * h, 0.02 * h) + [(w, horizon + 2), (0, horizon + 2)], fill=far)
    field_a = rng.choice([(132, 150, 84), (160, 146, 92), (104, 132, 80), (176, 160, 104)])
    field_a = _mix(field_a, bottom, 0.15)
    img.paste(_gradient((w, h - int(horizon)), _mix(field_a, bottom, 0.3), field_a), (0, int(horizon)))
    vx = rng.uniform(0.3, 0.7) * w
    for k in range(-14, 15):
        d.line(
            [(vx + k * 0.006 * w, horizon), (vx + k * 0.2 * w, h)],
            fill=_mix(field_a, (90, 80, 50), 0.2),
            width=_lw(0.002 * h),
        )
    steel = rng.choice([(44, 50, 62), (60, 62, 70), (36, 40, 48)])
    wire = _mix(steel, bottom, 0.2)
    rows = [(0.16 * w, 0.86 * h, 0.1)]
    if rng.random() < 0.7:
        rows.insert(0, (rng.uniform(0.45, 0.7) * w, 0.36 * h, 0.45))
    for x0, tower, fade in rows:
        color = _mix(steel, bottom, fade)
        vanish = rng.uniform(0.75, 1.05) * w if x0 < w / 2 else rng.uniform(-0.1, 0.2) * w
        base0 = horizon + (h - horizon) * (0.85 if fade < 0.3 else 0.15)
        ratio = rng.uniform(0.5, 0.62)
        prev: list[Point] | None = None
        for i in range(6):
            s = ratio**i
            cx = vanish + (x0 - vanish) * s
            base = horizon + (base0 - horizon) * s
            height = tower * s
            attach = _pylon(d, cx, base, height, color, _lw(0.007 * h * s * (1 - fade * 0.6)))
            if prev is not None:
                for a, b in zip(prev, attach, strict=True):
                    _wire(d, a, b, 0.04 * tower * s, _mix(wire, bottom, fade), _lw(0.003 * h * s))
            elif fade < 0.3:
                for a in attach:
                    edge = (-0.02 * w, a[1] + 0.05 * h) if vanish > x0 else (1.02 * w, a[1] + 0.05 * h)
                    _wire(d, edge, a, 0.03 * h, wire, _lw(0.003 * h))
            prev = attach
    for _ in range(rng.randint(3, 7)):
        _bird(
            d, rng.uniform(0.05, 0.95) * w, rng.uniform(0.06, 0.3) * h, 0.01 * h, _mix(top, (20, 20, 30), 0.7)
        )


def _scales(draw: ImageDraw.ImageDraw, cx: float, cy: float, size: float, color: Color) -> None:
    """The scales of justice, centred on (cx, cy)."""
    lw = _lw(size * 0.06)
    draw.line([(cx, cy - size * 0.5), (cx, cy + size * 0.45)], fill=color, width=lw)
    draw.rectangle((cx - size * 0.22, cy + size * 0.42, cx + size * 0.22, cy + size * 0.5), fill=color)
    draw.line(
        [(cx - size * 0.6, cy - size * 0.35), (cx + size * 0.6, cy - size * 0.35)], fill=color, width=lw
    )
    for side in (-1, 1):
        px = cx + side * size * 0.6
        draw.line(
            [(px, cy - size * 0.35), (px - size * 0.18, cy + size * 0.05)], fill=color, width=max(1, lw // 2)
        )
        draw.line(
            [(px, cy - size * 0.35), (px + size * 0.18, cy + size * 0.05)], fill=color, width=max(1, lw // 2)
        )
        draw.chord(
            (px - size * 0.24, cy - size * 0.12, px + size * 0.24, cy + size * 0.2), 0, 180, fill=color
        )


def _draw_courtroom(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    top, bottom = _sky(img, rng, _DAY_SKIES)
    d = ImageDraw.Draw(img)
    plaza_y = 0.86 * h
    d.rectangle((0, plaza_y, w, h), fill=rng.choice([(196, 188, 170), (180, 176, 168), (206, 196, 180)]))
    stone = rng.choice([(226, 218, 200), (214, 206, 192), (232, 226, 214), (220, 210, 196)])
    shade = _mix(stone, (70, 66, 74), 0.3)
    cx = rng.uniform(0.42, 0.58) * w
    half = rng.uniform(0.27, 0.33) * w
    # side wings
    wing = _mix(stone, bottom, 0.2)
    for side in (-1, 1):
        x_in = cx + side * half
        x_out = cx + side * (half + rng.uniform(0.16, 0.28) * w)
        x0, x1 = min(x_in, x_out), max(x_in, x_out)
        d.rectangle((x0, 0.42 * h, x1, plaza_y), fill=wing)
        d.rectangle(
            (x0 - 0.005 * w, 0.4 * h, x1 + 0.005 * w, 0.43 * h), fill=_mix(wing, (255, 255, 255), 0.2)
        )
        _windows(
            d,
            rng,
            (x0 + 0.01 * w, 0.46 * h, x1 - 0.01 * w, plaza_y - 0.03 * h),
            (0.04 * w, 0.1 * h),
            _mix(shade, (60, 70, 90), 0.5),
            _mix(shade, (60, 70, 90), 0.5),
            1.0,
        )
    steps = 5
    step_h = 0.022 * h
    for s in range(steps):
        inset = s * 0.012 * w
        y1 = plaza_y - s * step_h
        d.rectangle(
            (cx - half - 0.02 * w + inset, y1 - step_h, cx + half + 0.02 * w - inset, y1),
            fill=_mix(stone, shade, 0.25 * (s % 2)),
        )
    stylobate = plaza_y - steps * step_h
    col_h = rng.uniform(0.34, 0.4) * h
    ent_y = stylobate - col_h
    d.rectangle((cx - half + 0.02 * w, ent_y, cx + half - 0.02 * w, stylobate), fill=shade)
    door_w = 0.05 * w
    d.rectangle(
        (cx - door_w, stylobate - col_h * 0.6, cx + door_w, stylobate), fill=_mix(shade, (40, 30, 30), 0.55)
    )
    n = rng.choice([6, 8])
    span = (2 * half - 0.04 * w) / n
    cw = span * 0.42
    for i in range(n):
        x = cx - half + 0.02 * w + span * (i + 0.5)
        d.rectangle((x - cw / 2, ent_y + 0.02 * h, x + cw / 2, stylobate - 0.015 * h), fill=stone)
        for f in (-0.25, 0.0, 0.25):
            d.line(
                [(x + f * cw, ent_y + 0.03 * h), (x + f * cw, stylobate - 0.025 * h)],
                fill=_mix(stone, shade, 0.45),
                width=_lw(0.002 * w),
            )
        d.rectangle((x - cw * 0.7, ent_y, x + cw * 0.7, ent_y + 0.02 * h), fill=stone)
        d.rectangle((x - cw * 0.65, stylobate - 0.015 * h, x + cw * 0.65, stylobate), fill=stone)
    frieze = 0.07 * h
    d.rectangle((cx - half - 0.012 * w, ent_y - frieze, cx + half + 0.012 * w, ent_y), fill=stone)
    d.line(
        [(cx - half - 0.012 * w, ent_y - frieze * 0.15), (cx + half + 0.012 * w, ent_y - frieze * 0.15)],
        fill=shade,
        width=_lw(0.003 * h),
    )
    letters = rng.randint(10, 16)
    lw_ = 0.014 * w
    start = cx - letters * lw_ * 0.75
    for i in range(letters):
        lx = start + i * lw_ * 1.5
        d.rectangle((lx, ent_y - frieze * 0.7, lx + lw_, ent_y - frieze * 0.4), fill=_mix(stone, shade, 0.7))
    ped_h = rng.uniform(0.12, 0.16) * h
    base_y = ent_y - frieze
    d.polygon(
        [(cx - half - 0.02 * w, base_y), (cx, base_y - ped_h), (cx + half + 0.02 * w, base_y)], fill=stone
    )
    d.polygon(
        [
            (cx - half + 0.01 * w, base_y - 0.008 * h),
            (cx, base_y - ped_h + 0.02 * h),
            (cx + half - 0.01 * w, base_y - 0.008 * h),
        ],
        fill=_mix(stone, shade, 0.25),
    )
    _scales(d, cx, base_y - ped_h * 0.38, ped_h * 0.5, _mix(stone, shade, 0.9))
    # flag on the roof
    pole_x = cx + rng.choice([-1, 1]) * (half + 0.08 * w)
    d.line([(pole_x, 0.42 * h), (pole_x, 0.16 * h)], fill=(90, 90, 96), width=_lw(0.004 * h))
    # An invented flag: a teal or plum field, a thin pale band and an ochre disc.
    fh, fw, fy = 0.07 * h, 0.075 * w, 0.165 * h
    field = rng.choice([(28, 108, 116), (92, 52, 96), (48, 64, 92)])
    d.rectangle((pole_x, fy, pole_x + fw, fy + fh), fill=field)
    d.rectangle((pole_x, fy + fh * 0.44, pole_x + fw, fy + fh * 0.56), fill=(236, 232, 214))
    dr = fh * 0.2
    d.ellipse(
        (pole_x + fw * 0.25 - dr, fy + fh / 2 - dr, pole_x + fw * 0.25 + dr, fy + fh / 2 + dr),
        fill=(214, 160, 56),
    )
    leaf = rng.choice([(70, 110, 70), (60, 100, 80), (90, 120, 60)])
    for x in (rng.uniform(0.01, 0.08) * w, rng.uniform(0.9, 0.99) * w):
        _tree(d, rng, x, plaza_y + 0.04 * h, 0.32 * h, leaf)
    for _ in range(rng.randint(3, 7)):
        px = cx + rng.uniform(-half, half)
        _person(
            d,
            px,
            plaza_y + rng.uniform(0.03, 0.12) * h,
            rng.uniform(0.09, 0.12) * h,
            rng.choice(_CLOTHES),
            rng.choice(_SKIN),
        )


def _draw_market(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    top, bottom = _sky(img, rng, _DAY_SKIES)
    d = ImageDraw.Draw(img)
    facades = [
        (232, 204, 160),
        (206, 150, 120),
        (182, 200, 190),
        (236, 222, 196),
        (200, 176, 140),
        (170, 186, 210),
    ]
    x = -rng.uniform(0, 0.05) * w
    street = 0.58 * h
    while x < w:
        fw = rng.uniform(0.1, 0.17) * w
        fh = rng.uniform(0.36, 0.5) * h
        col = _mix(rng.choice(facades), bottom, 0.15)
        d.rectangle((x, street - fh, x + fw, street), fill=col)
        roof = _mix((150, 70, 56), bottom, 0.2)
        d.polygon(
            [
                (x - 0.004 * w, street - fh),
                (x + fw / 2, street - fh - fw * 0.35),
                (x + fw + 0.004 * w, street - fh),
            ],
            fill=roof,
        )
        frame = _mix(col, (60, 50, 50), 0.45)
        _windows(
            d,
            rng,
            (x + fw * 0.1, street - fh + 0.03 * h, x + fw * 0.9, street - 0.12 * h),
            (fw * 0.27, 0.09 * h),
            frame,
            frame,
            1.0,
        )
        x += fw
    d.rectangle((0, street, w, h), fill=rng.choice([(172, 164, 150), (160, 156, 150), (186, 176, 160)]))
    for k in range(12):
        y = street + (h - street) * (k / 12) ** 1.4
        d.line([(0, y), (w, y)], fill=(150, 142, 130), width=_lw(0.002 * h))
    # bunting
    flags = [(214, 70, 60), (240, 196, 60), (60, 140, 180), (90, 160, 90), (240, 240, 236)]
    for row in range(2):
        y0, sag = (0.05 + row * 0.08) * h, rng.uniform(0.04, 0.08) * h
        pts = [(w * i / 30, y0 + sag * 4 * (i / 30) * (1 - i / 30)) for i in range(31)]
        d.line(pts, fill=(90, 80, 70), width=_lw(0.002 * h))
        for i in range(30):
            (ax, ay), (bx, by) = pts[i], pts[i + 1]
            d.polygon(
                [(ax + 2, ay), (bx - 2, by), ((ax + bx) / 2, (ay + by) / 2 + 0.035 * h)],
                fill=flags[(i + row) % len(flags)],
            )
    stalls = rng.randint(3, 4)
    stall_w = w / stalls
    awnings = [(200, 60, 56), (44, 110, 160), (60, 136, 86), (230, 150, 40), (120, 70, 130)]
    produce = [
        (236, 130, 40),
        (200, 40, 40),
        (120, 170, 60),
        (240, 210, 60),
        (150, 60, 110),
        (230, 90, 70),
        (90, 140, 50),
    ]
    for s in range(stalls):
        x0 = s * stall_w + stall_w * 0.06
        x1 = (s + 1) * stall_w - stall_w * 0.06
        a_top, a_bot = rng.uniform(0.26, 0.32) * h, rng.uniform(0.4, 0.44) * h
        table = rng.uniform(0.66, 0.7) * h
        pole = (70, 60, 56)
        for px in (x0 + 0.01 * w, x1 - 0.01 * w):
            d.rectangle((px - 0.004 * w, a_bot, px + 0.004 * w, table + 0.14 * h), fill=pole)
        colour = rng.choice(awnings)
        stripes = 8
        for k in range(stripes):
            t0, t1 = k / stripes, (k + 1) / stripes
            inset = 0.02 * w
            top_l = x0 + inset + (x1 - x0 - 2 * inset) * t0
            top_r = x0 + inset + (x1 - x0 - 2 * inset) * t1
            bot_l = x0 - inset + (x1 - x0 + 2 * inset) * t0
            bot_r = x0 - inset + (x1 - x0 + 2 * inset) * t1
            d.polygon(
                [(top_l, a_top), (top_r, a_top), (bot_r, a_bot), (bot_l, a_bot)],
                fill=colour if k % 2 == 0 else (246, 242, 230),
            )
        scallop = (x1 - x0 + 0.04 * w) / stripes
        for k in range(stripes):
            sx = x0 - 0.02 * w + k * scallop
            d.chord(
                (sx, a_bot - scallop * 0.5, sx + scallop, a_bot + scallop * 0.5),
                0,
                180,
                fill=colour if k % 2 == 0 else (246, 242, 230),
            )
        d.rectangle((x0, table, x1, table + 0.03 * h), fill=(140, 100, 66))
        d.rectangle(
            (x0 + 0.01 * w, table + 0.03 * h, x1 - 0.01 * w, table + 0.14 * h),
            fill=_mix(colour, (255, 255, 255), 0.35),
        )
        piles = rng.randint(3, 5)
        pile_w = (x1 - x0) / piles
        for p in range(piles):
            fruit = rng.choice(produce)
            r = rng.uniform(0.011, 0.016) * w
            count = max(2, int(pile_w * 0.8 / (2 * r)))
            px0 = x0 + p * pile_w + (pile_w - count * 2 * r) / 2
            for level in range(count):
                for j in range(count - level):
                    fx = px0 + r + j * 2 * r + level * r
                    fy = table - r - level * r * 1.7
                    d.ellipse((fx - r, fy - r, fx + r, fy + r), fill=_vary(fruit, rng, 14))
        for c in range(rng.randint(1, 3)):
            cx0 = x0 + rng.uniform(0, 0.7) * (x1 - x0)
            cy0 = table + 0.16 * h + c * 0.0
            d.rectangle((cx0, cy0, cx0 + 0.07 * w, cy0 + 0.07 * h), fill=(176, 130, 80))
            for sl in range(3):
                d.line(
                    [(cx0, cy0 + sl * 0.025 * h), (cx0 + 0.07 * w, cy0 + sl * 0.025 * h)],
                    fill=(130, 92, 56),
                    width=_lw(0.003 * h),
                )
    for _ in range(rng.randint(2, 5)):
        _person(
            d,
            rng.uniform(0.05, 0.95) * w,
            h + 0.02 * h,
            rng.uniform(0.32, 0.42) * h,
            rng.choice(_CLOTHES),
            rng.choice(_SKIN),
        )


def _draw_stage(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    back = rng.choice([(24, 18, 40), (18, 24, 34), (34, 16, 28), (16, 16, 20)])
    img.paste(_gradient(img.size, _mix(back, (0, 0, 0), 0.4), back))
    d = ImageDraw.Draw(img)
    floor_top, floor_bot = 0.66 * h, 0.84 * h
    wood = rng.choice([(120, 80, 50), (96, 66, 44), (140, 100, 64)])
    d.polygon([(0.12 * w, floor_top), (0.88 * w, floor_top), (w, floor_bot), (0, floor_bot)], fill=wood)
    for k in range(1, 9):
        t = k / 9
        d.line(
            [(0.12 * w + 0.76 * w * t, floor_top), (w * t, floor_bot)],
            fill=_mix(wood, (0, 0, 0), 0.2),
            width=_lw(0.002 * h),
        )
    d.rectangle((0, floor_bot, w, h), fill=_mix(wood, (0, 0, 0), 0.6))
    # spotlights on a translucent layer
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    ld = ImageDraw.Draw(layer)
    beams = rng.randint(2, 4)
    tint = rng.choice([(255, 236, 190), (200, 220, 255), (255, 200, 220), (255, 244, 220)])
    spots = []
    for b in range(beams):
        sx = w * (b + 0.5) / beams + rng.uniform(-0.05, 0.05) * w
        src = (sx + rng.uniform(-0.15, 0.15) * w, -0.02 * h)
        r = rng.uniform(0.07, 0.11) * w
        fy = rng.uniform(0.72, 0.78) * h
        spots.append((sx, fy))
        ld.polygon(
            [(src[0] - 0.01 * w, src[1]), (src[0] + 0.01 * w, src[1]), (sx + r, fy), (sx - r, fy)],
            fill=(*tint, 46),
        )
        ld.ellipse((sx - r, fy - r * 0.18, sx + r, fy + r * 0.18), fill=(*tint, 110))
    img.paste(layer, (0, 0), layer)
    d = ImageDraw.Draw(img)
    performer = _mix(back, (0, 0, 0), 0.5)
    for sx, fy in spots:
        if rng.random() < 0.75:
            _person(d, sx, fy, rng.uniform(0.26, 0.32) * h, performer, performer)
    curtain = rng.choice([(150, 24, 36), (120, 20, 60), (30, 60, 110), (110, 30, 30)])
    for side in (-1, 1):
        folds = 7
        width = rng.uniform(0.13, 0.18) * w
        for k in range(folds):
            t0, t1 = k / folds, (k + 1) / folds
            if side < 0:
                xa, xb = t0 * width, t1 * width
            else:
                xa, xb = w - t1 * width, w - t0 * width
            shade = _mix(curtain, (0, 0, 0), 0.35) if k % 2 else curtain
            bottom_in = floor_bot - (0.02 * h if k == folds - 1 else 0)
            d.rectangle((xa, 0, xb, bottom_in), fill=shade)
    d.rectangle((0, 0, w, 0.1 * h), fill=_mix(curtain, (0, 0, 0), 0.2))
    sc = w / 14
    for k in range(15):
        d.chord(
            (k * sc - sc / 2, 0.1 * h - sc * 0.4, k * sc + sc / 2, 0.1 * h + sc * 0.4),
            0,
            180,
            fill=_mix(curtain, (0, 0, 0), 0.2),
        )
    d.rectangle((0, 0, w, 0.02 * h), fill=(180, 140, 60))
    audience = (10, 10, 14)
    for row in range(2):
        y = h + row * 0.06 * h
        x = -rng.uniform(0, 0.05) * w
        while x < w + 0.1 * w:
            s = rng.uniform(0.12, 0.15) * w
            _bust(
                d,
                x,
                y,
                s,
                _mix(audience, back, 0.2 * (1 - row)),
                _mix(audience, back, 0.25 * (1 - row)),
                None,
            )
            x += s * rng.uniform(0.7, 0.9)


def _draw_field(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    night = rng.random() < 0.45
    top, bottom = _sky(img, rng, _NIGHT_SKIES if night else _DAY_SKIES)
    d = ImageDraw.Draw(img)
    pitch_top = rng.uniform(0.5, 0.56) * h
    stand_top = pitch_top - rng.uniform(0.25, 0.3) * h
    roof = (52, 56, 66)
    d.polygon(
        [
            (-0.05 * w, stand_top - 0.04 * h),
            (1.05 * w, stand_top - 0.06 * h),
            (1.05 * w, stand_top),
            (-0.05 * w, stand_top),
        ],
        fill=roof,
    )
    concrete = _mix((120, 120, 126), bottom, 0.2)
    d.rectangle((0, stand_top, w, pitch_top), fill=concrete)
    seat = rng.choice([(160, 40, 46), (40, 80, 150), (220, 180, 40), (40, 120, 80)])
    home = rng.choice([(200, 40, 40), (30, 90, 180), (240, 200, 40), (250, 250, 250), (40, 140, 70)])
    rows = 22
    rh = (pitch_top - stand_top - 0.02 * h) / rows
    for r in range(rows):
        y = stand_top + 0.01 * h + r * rh
        d.rectangle((0, y + rh * 0.6, w, y + rh), fill=_mix(seat, concrete, 0.4))
        x = rng.uniform(0, 0.008) * w
        step = rh * 0.9
        while x < w:
            if rng.random() < 0.82:
                col = home if rng.random() < 0.55 else rng.choice(_CLOTHES)
                d.rectangle((x, y + rh * 0.1, x + step * 0.6, y + rh * 0.75), fill=_mix(col, concrete, 0.15))
            x += step
    d.rectangle(
        (0, pitch_top - 0.015 * h, w, pitch_top),
        fill=rng.choice([(30, 60, 120), (200, 40, 40), (20, 20, 24)]),
    )
    green_a = rng.choice([(70, 150, 70), (60, 140, 80), (84, 160, 72)])
    green_b = _mix(green_a, (20, 60, 20), 0.2)
    bands = 10
    for k in range(bands):
        y0 = pitch_top + (h - pitch_top) * (k / bands) ** 1.4
        y1 = pitch_top + (h - pitch_top) * ((k + 1) / bands) ** 1.4
        d.rectangle((0, y0, w, y1), fill=green_a if k % 2 == 0 else green_b)
    line = (236, 240, 232)
    lw = _lw(0.004 * h)
    d.line([(0, pitch_top + 0.02 * h), (w, pitch_top + 0.02 * h)], fill=line, width=lw)
    mid_far = rng.uniform(0.45, 0.6) * w
    mid_near = mid_far + rng.uniform(-0.12, 0.12) * w
    d.line([(mid_far, pitch_top + 0.02 * h), (mid_near, h)], fill=line, width=lw)
    cy = pitch_top + 0.38 * (h - pitch_top)
    cxm = mid_far + (mid_near - mid_far) * 0.38
    d.ellipse((cxm - 0.17 * w, cy - 0.08 * h, cxm + 0.17 * w, cy + 0.08 * h), outline=line, width=lw)
    d.ellipse((cxm - 0.006 * w, cy - 0.004 * h, cxm + 0.006 * w, cy + 0.004 * h), fill=line)
    # floodlights
    for fx in (rng.uniform(0.02, 0.12) * w, rng.uniform(0.88, 0.98) * w):
        d.line([(fx, stand_top), (fx, 0.06 * h)], fill=(80, 84, 92), width=_lw(0.008 * h))
        d.rectangle((fx - 0.04 * w, 0.02 * h, fx + 0.04 * w, 0.08 * h), fill=(70, 74, 82))
        for i in range(4):
            for j in range(2):
                lx = fx - 0.035 * w + i * 0.019 * w
                ly = 0.027 * h + j * 0.027 * h
                d.rectangle(
                    (lx, ly, lx + 0.013 * w, ly + 0.02 * h),
                    fill=(255, 250, 220) if night else (210, 214, 220),
                )
    kits = [home, rng.choice(_CLOTHES)]
    for _ in range(rng.randint(4, 8)):
        t = rng.uniform(0.1, 0.9)
        y = pitch_top + (h - pitch_top) * t
        size = 0.08 * h + 0.2 * h * t
        _person(d, rng.uniform(0.05, 0.95) * w, y, size, rng.choice(kits), rng.choice(_SKIN))
    bx, by = rng.uniform(0.3, 0.7) * w, pitch_top + (h - pitch_top) * rng.uniform(0.4, 0.7)
    br = 0.014 * h
    d.ellipse(
        (bx - br, by - br, bx + br, by + br), fill=(250, 250, 250), outline=(40, 40, 40), width=_lw(0.002 * h)
    )


def _gantry_crane(
    draw: ImageDraw.ImageDraw, x: float, base: float, height: float, color: Color, reach: float
) -> None:
    """A ship-to-shore crane whose boom reaches ``reach`` pixels (negative = left)."""
    lw = _lw(height * 0.02)
    leg = height * 0.32
    side = 1 if reach >= 0 else -1
    for lx in (x - leg / 2, x + leg / 2):
        draw.line([(lx, base), (lx, base - height * 0.75)], fill=color, width=lw * 2)
    draw.line([(x - leg / 2, base - height * 0.4), (x + leg / 2, base - height * 0.4)], fill=color, width=lw)
    draw.line([(x - leg / 2, base - height * 0.4), (x + leg / 2, base - height * 0.75)], fill=color, width=lw)
    boom_y = base - height * 0.75
    back = x - side * leg * 1.1
    tip = x + reach
    draw.rectangle((min(back, tip), boom_y - height * 0.04, max(back, tip), boom_y), fill=color)
    draw.line([(x, boom_y - height * 0.04), (x, base - height)], fill=color, width=lw)
    draw.line(
        [(x, base - height), (x + reach * 0.8, boom_y - height * 0.04)], fill=color, width=max(1, lw // 2)
    )
    draw.line([(x, base - height), (back, boom_y - height * 0.04)], fill=color, width=max(1, lw // 2))
    cab0, cab1 = x - side * leg * 0.35, x + side * leg * 0.15
    draw.rectangle(
        (min(cab0, cab1), boom_y - height * 0.13, max(cab0, cab1), boom_y - height * 0.04),
        fill=_mix(color, (255, 255, 255), 0.3),
    )
    tx = x + reach * 0.55
    draw.rectangle(
        (tx - height * 0.03, boom_y, tx + height * 0.03, boom_y + height * 0.03), fill=(50, 50, 56)
    )
    draw.line(
        [(tx, boom_y + height * 0.03), (tx, boom_y + height * 0.35)], fill=(50, 50, 56), width=max(1, lw // 2)
    )


def _container(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], color: Color) -> None:
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=color)
    ridge = _mix(color, (0, 0, 0), 0.22)
    n = max(3, int((x1 - x0) / max(1.0, (y1 - y0) * 0.18)))
    for i in range(1, n):
        x = x0 + (x1 - x0) * i / n
        draw.line([(x, y0 + 2), (x, y1 - 2)], fill=ridge, width=_lw((y1 - y0) * 0.04))


def _draw_harbour(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    top, bottom = _sky(img, rng, _DAY_SKIES + _DUSK_SKIES)
    d = ImageDraw.Draw(img)
    _sun(d, rng, w, h, bottom)
    horizon = rng.uniform(0.56, 0.62) * h
    far_shore = _mix(bottom, (90, 100, 110), 0.4)
    d.polygon(
        _ridge(rng, w, horizon - 0.03 * h, 0.025 * h) + [(w, horizon + 2), (0, horizon + 2)], fill=far_shore
    )
    _water(img, d, rng, horizon, _mix(top, (10, 40, 70), 0.6), _mix(bottom, (60, 100, 130), 0.5), 90)
    quay_top = horizon + 0.06 * h
    quay_left = rng.random() < 0.5
    qx0, qx1 = (0, 0.62 * w) if quay_left else (0.38 * w, w)
    d.rectangle((qx0, quay_top, qx1, h), fill=(112, 108, 104))
    d.rectangle((qx0, quay_top, qx1, quay_top + 0.015 * h), fill=(210, 180, 60))
    box_colours = [
        (196, 60, 48),
        (40, 96, 160),
        (226, 160, 40),
        (60, 130, 90),
        (140, 140, 146),
        (200, 110, 50),
        (90, 60, 120),
    ]
    cw_, ch_ = 0.07 * w, 0.055 * h
    for col in range(int((qx1 - qx0) / cw_) - 1):
        stack = rng.randint(1, 4)
        for level in range(stack):
            x = qx0 + 0.02 * w + col * cw_
            y = quay_top - (level + 1) * ch_
            _container(d, (x, y, x + cw_ - 3, y + ch_ - 3), rng.choice(box_colours))
    crane = rng.choice([(210, 70, 50), (60, 110, 170), (230, 170, 40)])
    towards_sea = 1 if quay_left else -1
    for k in range(rng.randint(2, 3)):
        cx = (qx1 - (0.1 + 0.17 * k) * w) if quay_left else (qx0 + (0.1 + 0.17 * k) * w)
        height = rng.uniform(0.46, 0.56) * h
        _gantry_crane(d, cx, quay_top, height, crane, towards_sea * rng.uniform(0.14, 0.2) * w)
    # a ship moored alongside
    hull_col = rng.choice([(40, 50, 70), (120, 30, 30), (30, 70, 60), (50, 50, 56)])
    ship_y = quay_top + 0.16 * h
    sx0, sx1 = (0.64 * w, 1.08 * w) if quay_left else (-0.08 * w, 0.36 * w)
    d.polygon(
        [
            (sx0, ship_y - 0.13 * h),
            (sx1, ship_y - 0.13 * h),
            (sx1 - 0.03 * w, ship_y),
            (sx0 + 0.04 * w, ship_y),
        ],
        fill=hull_col,
    )
    d.rectangle((sx0, ship_y - 0.115 * h, sx1, ship_y - 0.105 * h), fill=(230, 230, 226))
    d.polygon(
        [
            (sx0 + 0.04 * w, ship_y),
            (sx1 - 0.03 * w, ship_y),
            (sx1 - 0.05 * w, ship_y + 0.05 * h),
            (sx0 + 0.06 * w, ship_y + 0.05 * h),
        ],
        fill=_mix(hull_col, (40, 70, 100), 0.6),
    )
    bridge_x = sx1 - 0.14 * w if quay_left else sx0 + 0.06 * w
    d.rectangle((bridge_x, ship_y - 0.27 * h, bridge_x + 0.06 * w, ship_y - 0.13 * h), fill=(236, 236, 232))
    _windows(
        d,
        rng,
        (bridge_x, ship_y - 0.26 * h, bridge_x + 0.06 * w, ship_y - 0.15 * h),
        (0.012 * w, 0.03 * h),
        (60, 70, 90),
        (60, 70, 90),
        1.0,
    )
    start = sx0 + 0.03 * w if quay_left else bridge_x + 0.08 * w
    end = bridge_x - 0.01 * w if quay_left else sx1 - 0.02 * w
    x = start
    while x + cw_ * 0.8 < end:
        for level in range(rng.randint(1, 3)):
            y = ship_y - 0.13 * h - (level + 1) * ch_ * 0.8
            _container(d, (x, y, x + cw_ * 0.8 - 3, y + ch_ * 0.8 - 3), rng.choice(box_colours))
        x += cw_ * 0.8
    for _ in range(rng.randint(3, 7)):
        _bird(
            d,
            rng.uniform(0.05, 0.95) * w,
            rng.uniform(0.06, 0.3) * h,
            0.012 * h,
            (245, 245, 245) if _brightness(bottom) < 150 else (60, 60, 70),
        )


def _draw_mountains(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    top, bottom = _sky(img, rng, _DAY_SKIES + _DUSK_SKIES)
    d = ImageDraw.Draw(img)
    _sun(d, rng, w, h, bottom)
    rock = rng.choice([(70, 80, 110), (90, 84, 100), (60, 76, 96)])
    ranges = 4
    for i in range(ranges):
        depth = i / (ranges - 1)
        base = (0.42 + 0.14 * i) * h
        amp = (0.16 - 0.025 * i) * h
        col = _mix(_mix(bottom, rock, 0.3 + 0.5 * depth), (30, 50, 40), 0.55 * depth)
        ridge = _ridge(rng, w, base, amp, roughness=0.16 - 0.03 * i, steps=28 + 14 * i)
        poly = ridge + [(w, h), (0, h)]
        if i < 2:
            mask = Image.new("L", img.size, 0)
            ImageDraw.Draw(mask).polygon(poly, fill=255)
            snow_line = base - amp * rng.uniform(0.2, 0.5)
            snow = Image.new("L", img.size, 0)
            jag = [(w * k / 60, snow_line + rng.uniform(-0.02, 0.03) * h) for k in range(61)]
            ImageDraw.Draw(snow).polygon([(0, 0), (w, 0)] + jag[::-1], fill=255)
            d.polygon(poly, fill=col)
            img.paste(_mix(col, (250, 252, 255), 0.8 - 0.15 * i), (0, 0), ImageChops.multiply(mask, snow))
        else:
            d.polygon(poly, fill=col)
    pine = (26, 48, 38)
    x = -0.02 * w
    while x < w:
        size = rng.uniform(0.1, 0.2) * h
        _pine(d, x, h + 0.01 * h, size, _vary(pine, rng, 6))
        x += rng.uniform(0.02, 0.05) * w
    for _ in range(rng.randint(2, 5)):
        _bird(
            d, rng.uniform(0.1, 0.9) * w, rng.uniform(0.06, 0.25) * h, 0.01 * h, _mix(top, (20, 20, 30), 0.7)
        )


def _flask(
    draw: ImageDraw.ImageDraw, cx: float, base: float, size: float, glass: Color, liquid: Color, level: float
) -> None:
    neck = size * 0.18
    body_w = size * 0.7
    cone_top = base - size * 0.62
    neck_top = base - size
    outline = _mix(glass, (40, 50, 60), 0.5)
    lw = _lw(size * 0.02)
    draw.rectangle((cx - neck / 2, neck_top, cx + neck / 2, cone_top), fill=glass, outline=outline, width=lw)
    draw.polygon(
        [
            (cx - neck / 2, cone_top),
            (cx + neck / 2, cone_top),
            (cx + body_w / 2, base),
            (cx - body_w / 2, base),
        ],
        fill=glass,
        outline=outline,
        width=lw,
    )
    y_l = base - (base - cone_top) * level
    hw = neck / 2 + (body_w / 2 - neck / 2) * (y_l - cone_top) / (base - cone_top)
    draw.polygon(
        [
            (cx - hw + lw, y_l),
            (cx + hw - lw, y_l),
            (cx + body_w / 2 - lw * 1.5, base - lw),
            (cx - body_w / 2 + lw * 1.5, base - lw),
        ],
        fill=liquid,
    )
    draw.rectangle(
        (cx - neck * 0.65, neck_top - size * 0.03, cx + neck * 0.65, neck_top + size * 0.02), fill=outline
    )


def _draw_lab(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    wall = rng.choice([(220, 230, 232), (232, 234, 226), (214, 226, 236), (236, 228, 220)])
    img.paste(_gradient(img.size, _mix(wall, (255, 255, 255), 0.3), wall))
    d = ImageDraw.Draw(img)
    tile = 0.06 * h
    grout = _mix(wall, (120, 130, 140), 0.18)
    for k in range(int(h / tile) + 1):
        d.line([(0, k * tile), (w, k * tile)], fill=grout, width=_lw(0.002 * h))
    for k in range(int(w / tile) + 1):
        d.line([(k * tile, 0), (k * tile, h)], fill=grout, width=_lw(0.002 * h))
    # window with daylight
    wx = rng.uniform(0.05, 0.55) * w
    d.rectangle((wx, 0.08 * h, wx + 0.3 * w, 0.42 * h), fill=(236, 240, 244))
    d.rectangle(
        (wx + 0.01 * w, 0.1 * h, wx + 0.29 * w, 0.4 * h),
        fill=_mix(rng.choice(_DAY_SKIES)[1], (120, 170, 220), 0.3),
    )
    d.line([(wx + 0.15 * w, 0.1 * h), (wx + 0.15 * w, 0.4 * h)], fill=(236, 240, 244), width=_lw(0.01 * h))
    # shelf with bottles
    shelf_y = 0.24 * h
    sx0 = wx + 0.36 * w if wx < 0.4 * w else 0.03 * w
    d.rectangle((sx0, shelf_y, sx0 + 0.3 * w, shelf_y + 0.012 * h), fill=(120, 110, 100))
    x = sx0 + 0.01 * w
    while x < sx0 + 0.28 * w:
        bh = rng.uniform(0.06, 0.12) * h
        bw = rng.uniform(0.02, 0.035) * w
        col = rng.choice([(140, 80, 40), (80, 120, 160), (230, 230, 230), (90, 150, 100)])
        d.rounded_rectangle((x, shelf_y - bh, x + bw, shelf_y), radius=bw * 0.2, fill=col)
        d.rectangle((x + bw * 0.3, shelf_y - bh - 0.015 * h, x + bw * 0.7, shelf_y - bh), fill=(50, 50, 56))
        x += bw + rng.uniform(0.006, 0.015) * w
    bench = rng.uniform(0.62, 0.68) * h
    top_col = rng.choice([(40, 46, 54), (60, 60, 66), (236, 236, 232)])
    d.rectangle((0, bench, w, bench + 0.04 * h), fill=top_col)
    cab = rng.choice([(96, 130, 160), (200, 200, 196), (150, 170, 150)])
    d.rectangle((0, bench + 0.04 * h, w, h), fill=cab)
    for k in range(7):
        x0 = k * w / 6 + 0.01 * w
        d.rectangle(
            (x0, bench + 0.07 * h, x0 + w / 6 - 0.02 * w, h - 0.03 * h),
            outline=_mix(cab, (0, 0, 0), 0.2),
            width=_lw(0.003 * h),
        )
        d.rectangle((x0 + 0.05 * w, bench + 0.1 * h, x0 + 0.09 * w, bench + 0.115 * h), fill=(190, 190, 196))
    glass = _mix(wall, (200, 230, 240), 0.6)
    liquids = [(80, 170, 220), (230, 90, 110), (120, 200, 120), (240, 190, 60), (160, 110, 210)]
    # flasks and beakers
    x = rng.uniform(0.04, 0.1) * w
    microscope_x = rng.uniform(0.55, 0.8) * w
    while x < w * 0.95:
        if abs(x - microscope_x) < 0.12 * w:
            x = microscope_x + 0.12 * w
            continue
        kind = rng.random()
        if kind < 0.45:
            size = rng.uniform(0.14, 0.22) * h
            _flask(d, x, bench, size, glass, rng.choice(liquids), rng.uniform(0.3, 0.7))
            x += size * 0.8
        elif kind < 0.75:
            bw, bh = rng.uniform(0.04, 0.06) * w, rng.uniform(0.08, 0.13) * h
            d.rectangle(
                (x - bw / 2, bench - bh, x + bw / 2, bench),
                fill=glass,
                outline=_mix(glass, (40, 50, 60), 0.5),
                width=_lw(0.003 * h),
            )
            d.rectangle(
                (x - bw / 2 + 3, bench - bh * rng.uniform(0.3, 0.6), x + bw / 2 - 3, bench - 3),
                fill=rng.choice(liquids),
            )
            x += bw * 1.6
        else:
            tubes = rng.randint(4, 6)
            rw = tubes * 0.018 * w
            for t in range(tubes):
                tx = x + t * 0.018 * w
                d.rounded_rectangle(
                    (tx, bench - 0.13 * h, tx + 0.011 * w, bench - 0.01 * h),
                    radius=0.005 * w,
                    fill=glass,
                    outline=_mix(glass, (40, 50, 60), 0.5),
                    width=_lw(0.002 * h),
                )
                d.rounded_rectangle(
                    (tx + 2, bench - 0.13 * h * rng.uniform(0.3, 0.7), tx + 0.011 * w - 2, bench - 0.012 * h),
                    radius=0.004 * w,
                    fill=rng.choice(liquids),
                )
            d.rectangle((x - 0.006 * w, bench - 0.06 * h, x + rw, bench - 0.045 * h), fill=(200, 160, 90))
            d.rectangle((x - 0.006 * w, bench - 0.01 * h, x + rw, bench), fill=(200, 160, 90))
            x += rw + 0.03 * w
    # microscope
    mc = rng.choice([(40, 44, 52), (56, 60, 72), (30, 34, 40)])
    acc = (70, 80, 96)
    mx = microscope_x
    d.rounded_rectangle((mx - 0.06 * w, bench - 0.03 * h, mx + 0.06 * w, bench), radius=0.01 * h, fill=mc)
    d.polygon(
        [
            (mx + 0.02 * w, bench - 0.03 * h),
            (mx + 0.045 * w, bench - 0.03 * h),
            (mx + 0.05 * w, bench - 0.28 * h),
            (mx + 0.025 * w, bench - 0.3 * h),
        ],
        fill=mc,
    )
    d.rectangle((mx - 0.05 * w, bench - 0.13 * h, mx + 0.03 * w, bench - 0.115 * h), fill=acc)
    d.polygon(
        [
            (mx - 0.03 * w, bench - 0.36 * h),
            (mx - 0.005 * w, bench - 0.38 * h),
            (mx + 0.03 * w, bench - 0.17 * h),
            (mx + 0.005 * w, bench - 0.15 * h),
        ],
        fill=mc,
    )
    d.ellipse((mx + 0.025 * w, bench - 0.2 * h, mx + 0.065 * w, bench - 0.16 * h), fill=acc)
    # monitor with a chart
    if rng.random() < 0.7:
        px = 0.04 * w if microscope_x > 0.5 * w else 0.7 * w
        d.rectangle((px, 0.44 * h, px + 0.22 * w, 0.58 * h), fill=(30, 34, 40))
        d.rectangle((px + 0.008 * w, 0.45 * h, px + 0.212 * w, 0.57 * h), fill=(236, 242, 246))
        pts = [
            (px + 0.015 * w + i * 0.0095 * w, 0.55 * h - rng.uniform(0, 0.08) * h * (i / 20))
            for i in range(21)
        ]
        d.line(pts, fill=(40, 120, 200), width=_lw(0.004 * h))
        d.rectangle((px + 0.1 * w, 0.58 * h, px + 0.12 * w, bench), fill=(30, 34, 40))


def _draw_train(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    top, bottom = _sky(img, rng, _DAY_SKIES + _DUSK_SKIES)
    d = ImageDraw.Draw(img)
    ground = 0.7 * h
    x = -rng.uniform(0, 0.04) * w
    town = _mix(bottom, (80, 84, 100), 0.45)
    while x < w:
        bw, bh = rng.uniform(0.06, 0.14) * w, rng.uniform(0.18, 0.42) * h
        c = _vary(town, rng, 8)
        d.rectangle((x, ground - bh, x + bw, ground), fill=c)
        _windows(
            d,
            rng,
            (x + bw * 0.08, ground - bh + 0.02 * h, x + bw * 0.92, ground - 0.04 * h),
            (0.02 * w, 0.045 * h),
            _mix(c, (255, 230, 170), 0.35),
            _mix(c, (255, 255, 255), 0.08),
            0.3,
        )
        x += bw + rng.uniform(0.0, 0.015) * w
    d.rectangle((0, ground, w, h), fill=(128, 124, 120))
    d.rectangle((0, 0.86 * h, w, h), fill=(168, 162, 154))
    d.rectangle((0, 0.86 * h, w, 0.875 * h), fill=(230, 200, 60))
    rail = (70, 70, 76)
    for y in (0.8 * h, 0.83 * h):
        d.line([(0, y), (w, y)], fill=rail, width=_lw(0.006 * h))
    # overhead line and poles
    wire_y = 0.14 * h
    pole_col = (64, 68, 76)
    for k in range(4):
        px = (k + rng.uniform(0.1, 0.4)) * w / 3.2
        d.line([(px, wire_y - 0.04 * h), (px, 0.8 * h)], fill=pole_col, width=_lw(0.008 * h))
        d.line(
            [(px, wire_y - 0.03 * h), (px + 0.05 * w, wire_y - 0.03 * h)], fill=pole_col, width=_lw(0.004 * h)
        )
    d.line([(0, wire_y), (w, wire_y)], fill=(40, 40, 46), width=_lw(0.003 * h))
    # the tram
    body = rng.choice([(200, 40, 46), (30, 110, 170), (240, 190, 40), (40, 140, 100), (236, 236, 230)])
    stripe = rng.choice([(40, 40, 46), (250, 250, 246), (200, 200, 200)])
    tx0 = rng.uniform(-0.3, 0.05) * w
    tx1 = tx0 + rng.uniform(0.85, 1.05) * w
    t_top, t_bot = 0.36 * h, 0.8 * h
    d.rounded_rectangle((tx0, t_top, tx1, t_bot), radius=0.05 * h, fill=body)
    d.rectangle((tx0, t_bot - 0.07 * h, tx1, t_bot - 0.05 * h), fill=stripe)
    sections = 3
    seg = (tx1 - tx0) / sections
    for s in range(1, sections):
        jx = tx0 + s * seg
        d.rectangle(
            (jx - 0.006 * w, t_top + 0.01 * h, jx + 0.006 * w, t_bot - 0.01 * h),
            fill=_mix(body, (0, 0, 0), 0.35),
        )
    glass = _mix(bottom, (40, 60, 80), 0.55)
    for s in range(sections):
        sx = tx0 + s * seg
        door_x = sx + seg * rng.uniform(0.35, 0.5)
        x = sx + 0.02 * w
        while x + 0.06 * w < sx + seg - 0.01 * w:
            if door_x - 0.02 * w < x + 0.06 * w and x < door_x + 0.07 * w:
                x = door_x + 0.08 * w
                continue
            d.rounded_rectangle(
                (x, t_top + 0.05 * h, x + 0.06 * w, t_top + 0.2 * h), radius=0.01 * h, fill=glass
            )
            d.line(
                [(x + 0.01 * w, t_top + 0.19 * h), (x + 0.03 * w, t_top + 0.06 * h)],
                fill=_mix(glass, (255, 255, 255), 0.25),
                width=_lw(0.006 * h),
            )
            x += 0.075 * w
        d.rectangle(
            (door_x, t_top + 0.05 * h, door_x + 0.06 * w, t_bot - 0.01 * h), fill=_mix(body, (0, 0, 0), 0.25)
        )
        d.rectangle((door_x + 0.006 * w, t_top + 0.07 * h, door_x + 0.027 * w, t_bot - 0.1 * h), fill=glass)
        d.rectangle((door_x + 0.033 * w, t_top + 0.07 * h, door_x + 0.054 * w, t_bot - 0.1 * h), fill=glass)
    d.rounded_rectangle(
        (tx1 - 0.1 * w, t_top + 0.015 * h, tx1 - 0.02 * w, t_top + 0.045 * h),
        radius=0.004 * h,
        fill=(30, 30, 30),
    )
    d.rectangle((tx1 - 0.095 * w, t_top + 0.022 * h, tx1 - 0.05 * w, t_top + 0.038 * h), fill=(255, 176, 40))
    d.ellipse((tx1 - 0.035 * w, t_bot - 0.12 * h, tx1 - 0.015 * w, t_bot - 0.09 * h), fill=(255, 246, 210))
    for s in range(sections):
        bx = tx0 + s * seg + seg / 2
        d.rectangle((bx - 0.07 * w, t_bot - 0.01 * h, bx + 0.07 * w, t_bot + 0.02 * h), fill=(40, 40, 44))
    pan_x = tx0 + seg * 1.5
    d.rectangle((pan_x - 0.04 * w, t_top - 0.02 * h, pan_x + 0.04 * w, t_top), fill=(80, 84, 90))
    d.line(
        [
            (pan_x - 0.03 * w, t_top - 0.02 * h),
            (pan_x + 0.01 * w, (t_top + wire_y) / 2),
            (pan_x - 0.02 * w, wire_y + 0.004 * h),
        ],
        fill=(40, 40, 46),
        width=_lw(0.005 * h),
    )
    d.line(
        [(pan_x - 0.045 * w, wire_y + 0.004 * h), (pan_x + 0.005 * w, wire_y + 0.004 * h)],
        fill=(40, 40, 46),
        width=_lw(0.006 * h),
    )
    for _ in range(rng.randint(2, 6)):
        _person(
            d,
            rng.uniform(0.02, 0.98) * w,
            h - 0.01 * h,
            rng.uniform(0.2, 0.26) * h,
            rng.choice(_CLOTHES),
            rng.choice(_SKIN),
        )


def _draw_portrait_crowd(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    if rng.random() < 0.5:
        top, bottom = _sky(img, rng, _DAY_SKIES)
    else:
        wall = rng.choice([(214, 200, 178), (188, 200, 206), (220, 212, 200)])
        top, bottom = _mix(wall, (255, 255, 255), 0.2), wall
        img.paste(_gradient(img.size, top, bottom))
    d = ImageDraw.Draw(img)
    if rng.random() < 0.6:
        bx = rng.uniform(0.1, 0.5) * w
        band = rng.choice([(40, 90, 150), (190, 60, 50), (60, 120, 90), (240, 190, 60)])
        d.rectangle((bx, 0.1 * h, bx + rng.uniform(0.3, 0.45) * w, 0.2 * h), fill=band)
        for k in range(rng.randint(8, 14)):
            lx = bx + 0.02 * w + k * 0.02 * w
            d.rectangle((lx, 0.13 * h, lx + 0.012 * w, 0.17 * h), fill=(250, 250, 246))
    rows = 5
    for r in range(rows):
        depth = r / (rows - 1)
        scale = (0.07 + 0.13 * depth) * w
        bottom_y = (0.5 + 0.14 * r) * h + scale * 0.25
        haze = 0.55 * (1 - depth)
        x = -rng.uniform(0, 0.5) * scale
        while x < w + scale:
            body = _mix(rng.choice(_CLOTHES), bottom, haze)
            head = _mix(rng.choice(_SKIN), bottom, haze)
            hair = _mix(rng.choice(_HAIR), bottom, haze) if rng.random() < 0.8 else None
            y = bottom_y + rng.uniform(-0.15, 0.1) * scale
            _bust(d, x, y, scale, body, head, hair)
            if depth < 0.6 and rng.random() < 0.06:
                sign = _mix((248, 246, 240), bottom, haze)
                d.line(
                    [(x + scale * 0.3, y - scale * 0.4), (x + scale * 0.3, y - scale * 1.6)],
                    fill=_mix((120, 90, 60), bottom, haze),
                    width=_lw(scale * 0.03),
                )
                d.rectangle((x + scale * 0.05, y - scale * 2.1, x + scale * 0.7, y - scale * 1.55), fill=sign)
            x += scale * rng.uniform(0.62, 0.85)


_SCENES: dict[str, Callable[[Image.Image, random.Random], None]] = {
    "skyline": _draw_skyline,
    "river": _draw_river,
    "grid": _draw_grid,
    "courtroom": _draw_courtroom,
    "market": _draw_market,
    "stage": _draw_stage,
    "field": _draw_field,
    "harbour": _draw_harbour,
    "mountains": _draw_mountains,
    "lab": _draw_lab,
    "train": _draw_train,
    "portrait-crowd": _draw_portrait_crowd,
}


def _encode(img: Image.Image) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", quality=_JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def draw_scene(motif: str, seed: int, size: tuple[int, int] = (1600, 900)) -> bytes:
    """Draw an original flat-colour illustration and return it as JPEG bytes.

    ``motif`` must be one of :data:`MOTIFS`. The same ``(motif, seed, size)``
    always produces the same image; different seeds vary the palette, the
    time of day and the arrangement of the elements.
    """
    try:
        painter = _SCENES[motif]
    except KeyError:
        raise ValueError(f"Unknown motif {motif!r}; expected one of {', '.join(MOTIFS)}") from None
    width, height = int(size[0]), int(size[1])
    if width < 1 or height < 1:
        raise ValueError("size must be positive")
    rng = random.Random(f"{motif}:{seed}")  # noqa: S311 - drawing, not cryptography
    canvas = Image.new("RGB", (width * _SUPERSAMPLE, height * _SUPERSAMPLE), (255, 255, 255))
    painter(canvas, rng)
    return _encode(canvas.reduce(_SUPERSAMPLE))


def _initials(name: str) -> str:
    words = [part for part in name.replace("-", " ").split() if part[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if features.check("freetype2"):
        return ImageFont.load_default(size=size)
    return ImageFont.load_default()


def draw_portrait(name: str, seed: int, size: int = 600) -> bytes:
    """Draw a stylised head-and-shoulders avatar and return it as JPEG bytes.

    The background colour, clothing, skin and hair tones are chosen from
    ``seed``; the person's initials (from ``name``) are lettered on the chest.
    """
    size = int(size)
    if size < 16:
        raise ValueError("size must be at least 16 pixels")
    rng = random.Random(f"portrait:{seed}:{name}")  # noqa: S311 - drawing, not cryptography
    s = size * _SUPERSAMPLE
    background = rng.choice(_PORTRAIT_BACKGROUNDS)
    img = _gradient((s, s), _mix(background, (255, 255, 255), 0.18), _mix(background, (0, 0, 0), 0.12))
    d = ImageDraw.Draw(img)
    r = s * rng.uniform(0.34, 0.42)
    cx, cy = s * rng.uniform(0.4, 0.6), s * rng.uniform(0.38, 0.48)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_mix(background, (255, 255, 255), 0.28))
    body = _mix(rng.choice(_CLOTHES), (20, 24, 34), 0.35)
    head = rng.choice(_SKIN)
    hair = rng.choice(_HAIR)
    shoulders_top = s * 0.7
    d.ellipse((s * 0.1, shoulders_top, s * 0.9, s * 1.45), fill=body)
    collar = _mix(body, (255, 255, 255), 0.25)
    d.polygon(
        [
            (s * 0.42, shoulders_top + s * 0.01),
            (s * 0.5, shoulders_top + s * 0.1),
            (s * 0.58, shoulders_top + s * 0.01),
        ],
        fill=collar,
    )
    d.rectangle((s * 0.44, s * 0.56, s * 0.56, shoulders_top + s * 0.03), fill=_mix(head, (0, 0, 0), 0.12))
    hx0, hy0, hx1, hy1 = s * 0.35, s * 0.22, s * 0.65, s * 0.64
    style = rng.randrange(3)
    if style == 2:
        # long hair falling behind the shoulders
        d.rounded_rectangle(
            (hx0 - s * 0.05, hy0 - s * 0.02, hx1 + s * 0.05, s * 0.76), radius=s * 0.15, fill=hair
        )
    d.ellipse((hx0 - s * 0.025, s * 0.4, hx0 + s * 0.03, s * 0.48), fill=head)
    d.ellipse((hx1 - s * 0.03, s * 0.4, hx1 + s * 0.025, s * 0.48), fill=head)
    # hair cap, then the face drawn over it leaves a curved hairline
    cap = (0.03, 0.2) if style == 0 else (0.045, 0.27)
    d.ellipse((hx0 - s * 0.012, hy0 - s * cap[0], hx1 + s * 0.012, hy0 + s * cap[1]), fill=hair)
    d.ellipse((hx0 + s * 0.008, hy0 + s * (0.06 if style == 0 else 0.09), hx1 - s * 0.008, hy1), fill=head)
    font = _font(int(s * 0.13))
    text = _initials(name)
    d.text((s * 0.5, s * 0.88), text, font=font, fill=_mix(background, (255, 255, 255), 0.55), anchor="mm")
    return _encode(img.reduce(_SUPERSAMPLE))
