#!/bin/sh
# Makes the sandbox's demo media files (src/sandbox/media/recording.*), committed to the
# repository so neither the sandbox, the tests nor CI need ffmpeg. Run once by hand when a
# file must change (Debian: apt-get install ffmpeg), then check each with ffprobe.
# Three seconds each: a test pattern with a 440 Hz tone, small enough to commit (a few KB
# to ~50 KB), in the formats the vendors' links serve (docs/sandbox.md, "Access links").
set -eu
out="$(dirname "$0")/../src/sandbox/media"
common="-hide_banner -loglevel error -y"
# After the inputs: no encoder version or creation time in the files.
plain="-fflags +bitexact -map_metadata -1"
tone="sine=frequency=440:duration=3"
# Video for Daily, Zoom's MP4 files and Cloudflare: H.264 baseline + AAC, moov first so a
# player can start before the whole file is in (faststart).
ffmpeg $common -f lavfi -i testsrc2=size=160x90:rate=10:duration=3 -f lavfi -i "$tone:sample_rate=16000" \
  -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 32 -c:a aac -b:a 24k -ac 1 \
  -movflags +faststart -shortest $plain "$out/recording.mp4"
# Zoom's M4A files: AAC audio in an MP4 container.
ffmpeg $common -f lavfi -i "$tone:sample_rate=16000" -c:a aac -b:a 24k -ac 1 -movflags +faststart $plain "$out/recording.m4a"
# Bird's and Cloudflare's audio, and SignalWire's .mp3: MP3 with a Xing header, no ID3 tag.
ffmpeg $common -f lavfi -i "$tone:sample_rate=16000" -c:a libmp3lame -b:a 32k -ac 1 -write_xing 1 -id3v2_version 0 $plain \
  "$out/recording.mp3"
# SignalWire's recordings: PCM WAV, 8 kHz 16-bit mono, as telephony audio is.
ffmpeg $common -f lavfi -i "$tone:sample_rate=8000" -c:a pcm_s16le -ac 1 $plain "$out/recording.wav"
for f in "$out"/recording.*; do
  ffprobe -v error -show_entries format=format_name,duration -of compact "$f"
done
