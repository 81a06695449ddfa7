# bench/lib.sh — what bench/run and bench/scale share: the zone generator, the octoDNS venv, the
# octoDNS configuration, and one timed run. Sourced, not run; the caller sets `out` (the data
# directory, bench/out), `root` (the repository) and `say`.

# The zone generator: bench/genzone.py unless GENZONE=PATH names another one with the same
# arguments (`-n COUNT -s SEED --origin ORIGIN [--portable] -o FILE`).
genzone=${GENZONE:-bench/genzone.py}

# generate_zone COUNT FILE [--portable] — writes FILE (seed 1, origin example.com.) unless it is
# already there from the same generator; a stamp beside it names the generator and its checksum, so
# a zone left by another generator (or an older version of this one) is written again.
generate_zone() {
  local count=$1 file=$2 stamp
  shift 2
  [ -f "$genzone" ] || { say "no zone generator at $genzone (GENZONE=PATH)"; exit 1; }
  stamp="$genzone $(sha256sum < "$genzone" | cut -c1-16) -n $count $*"
  if [ -s "$file" ] && [ "$(cat "$file.source" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  say "generating $file ($genzone -n $count $*)"
  rm -f "$file" "$file.source"
  python3 "$genzone" -n "$count" -s 1 --origin example.com. "$@" -o "$file" 2>/dev/null
  echo "$stamp" > "$file.source"
}

# The octoDNS anchor: octodns and octodns-bind from PyPI, pinned, in a venv of their own.
octodns_version=1.22.0
octodns_bind_version=1.1.0
octodns_venv="$out/octodns-venv"

# install_octodns — makes $octodns_venv/bin/octodns-sync, or fails saying why.
install_octodns() {
  [ -x "$octodns_venv/bin/octodns-sync" ] && return 0
  say "installing octodns $octodns_version and octodns-bind $octodns_bind_version from PyPI into $octodns_venv"
  python3 -m venv "$octodns_venv" || { say "python3 -m venv failed (Debian: python3-venv)"; return 1; }
  "$octodns_venv/bin/pip" install -q "octodns==$octodns_version" "octodns-bind==$octodns_bind_version" >&2 \
    || { say "pip could not install octoDNS"; return 1; }
}

# octodns_config DIR ORIGIN=FILE... — DIR/config.yaml: octodns-bind's ZoneFileSource reads each
# zone (a hard link DIR/zones/ORIGIN to FILE, the name it expects) and octoDNS plans it into an
# empty YAML provider. `octodns-sync` without --doit is a dry run: it reads, plans, writes nothing.
octodns_config() {
  python3 - "$root" "$@" <<'PYTHON'
import os, shutil, sys

root, directory, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
for sub in ("zones", "out"):
    shutil.rmtree(os.path.join(directory, sub), ignore_errors=True)
    os.makedirs(os.path.join(directory, sub))
config = ["providers:", "  zonefile:", "    class: octodns_bind.ZoneFileSource",
          f"    directory: {os.path.join(root, directory, 'zones')}", "  yaml:",
          "    class: octodns.provider.yaml.YamlProvider", f"    directory: {os.path.join(root, directory, 'out')}",
          "zones:"]
for pair in pairs:
    origin, file = pair.split("=", 1)
    os.link(file, os.path.join(directory, "zones", origin))
    config += [f"  {origin}:", "    sources: [zonefile]", "    targets: [yaml]"]
with open(os.path.join(directory, "config.yaml"), "w") as f:
    f.write("\n".join(config) + "\n")
PYTHON
}

# timed OUTPUT ERRORS COMMAND... — runs COMMAND with /usr/bin/time, standard output to OUTPUT and
# standard error to ERRORS; sets `wall` (seconds), `rss` (peak KiB), `cpu` (user + system seconds)
# and `status` (exit status).
timed() {
  local output=$1 errors=$2 line user sys
  shift 2
  status=0
  /usr/bin/time -f '%e %M %U %S' -o "$out/time.txt" "$@" > "$output" 2> "$errors" || status=$?
  line=$(tail -n 1 "$out/time.txt")
  read -r wall rss user sys <<< "$line"
  cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
}
