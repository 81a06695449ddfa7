// The system libyaml (Debian: libyaml-dev), seen by Swift as the module CLibYAML.
// mailzone reads declarations and presets from libyaml's parser events; the header is
// the installed one, so security updates to the distribution's libyaml reach the binary.
#include <yaml.h>
