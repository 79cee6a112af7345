import { Chess } from 'chess.js';
import { START_FEN } from './position.js';

/**
 * Balanced opening positions (main lines of well-known openings, about equal by theory), by index: 0 is the
 * initial position. A match names one with the `opening` parameter and plays it with both colours (seats
 * alternate within a series), so repeated matches of one pair need not be copies of each other.
 */
export const OPENING_LINES: readonly { readonly name: string; readonly san: string }[] = [
  { name: 'initial position', san: '' },
  { name: 'Ruy Lopez, Morphy Defence', san: 'e4 e5 Nf3 Nc6 Bb5 a6' },
  { name: 'Italian Game, Giuoco Piano', san: 'e4 e5 Nf3 Nc6 Bc4 Bc5' },
  { name: 'Sicilian Defence, Najdorf', san: 'e4 c5 Nf3 d6 d4 cxd4 Nxd4 Nf6 Nc3 a6' },
  { name: 'French Defence, Classical', san: 'e4 e6 d4 d5 Nc3 Nf6' },
  { name: 'Caro-Kann Defence, Classical', san: 'e4 c6 d4 d5 Nc3 dxe4 Nxe4 Bf5' },
  { name: "Queen's Gambit Declined", san: 'd4 d5 c4 e6 Nc3 Nf6' },
  { name: 'Slav Defence', san: 'd4 d5 c4 c6 Nf3 Nf6' },
  { name: "King's Indian Defence", san: 'd4 Nf6 c4 g6 Nc3 Bg7 e4 d6' },
  { name: 'Nimzo-Indian Defence', san: 'd4 Nf6 c4 e6 Nc3 Bb4' },
  { name: 'English Opening, Reversed Sicilian', san: 'c4 e5 Nc3 Nf6' },
  { name: 'Reti Opening', san: 'Nf3 d5 g3 Nf6 Bg2 e6' },
  { name: 'Petrov Defence', san: 'e4 e5 Nf3 Nf6' },
  { name: 'Sicilian Defence, Sveshnikov', san: 'e4 c5 Nf3 Nc6 d4 cxd4 Nxd4 Nf6 Nc3 e5' },
  { name: "Queen's Indian Defence", san: 'd4 Nf6 c4 e6 Nf3 b6' },
  { name: 'Pirc Defence', san: 'e4 d6 d4 Nf6 Nc3 g6' },
];

/** FEN of opening `index` (0 = the initial position). */
export function openingFen(index: number): string {
  const line = OPENING_LINES[index];
  if (!line) throw new RangeError(`no opening ${index}: openings are 0-${OPENING_LINES.length - 1}`);
  const chess = new Chess(START_FEN);
  for (const san of line.san.split(' ').filter(Boolean)) chess.move(san);
  return chess.fen();
}
