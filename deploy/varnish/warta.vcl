# Varnish in front of one or more Warta instances (Varnish 7, vmod xkey from Debian's varnish-modules).
# Warta marks what a shared cache may keep with `Cache-Control: s-maxage=…, stale-while-revalidate=…`,
# names what each response contains in its `xkey` header, and on every write sends
# `PURGE /` with the affected keys in `xkey-purge` (WARTA_CDN_PURGE_URL=http://<varnish>/).
# The backends live in backends.vcl beside this file: one `backend` per instance, and in its vcl_init
# the round-robin director `warta` over them.
vcl 4.1;

import directors;
import xkey;

include "./backends.vcl";

# Who may purge: the Warta instances. Add their addresses when Varnish runs on another host.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  set req.backend_hint = warta.backend();

  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (req.http.xkey-purge) {
      # Hard purge: the next read of anything carrying one of these keys goes to Warta.
      set req.http.x-purged = xkey.purge(req.http.xkey-purge);
      return (synth(200, "Purged " + req.http.x-purged));
    }
    return (purge);
  }

  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # Editors, API tokens, sessions and preview links are personal: never from the shared cache.
  if (req.http.Authorization || req.http.Cookie || req.url ~ "^/read/preview" || req.url ~ "^/admin") {
    return (pass);
  }
  return (hash);
}

sub vcl_backend_response {
  # Only what Warta says a shared cache may keep: `s-maxage` (API answers), or `public` with a max-age that
  # applies to shared caches too (pages, feeds: Warta writes no s-maxage when it equals max-age). Everything
  # else goes straight through.
  if (beresp.http.Cache-Control !~ "(?i)(s-maxage|public)" ||
      beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)" ||
      beresp.http.Set-Cookie) {
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    return (deliver);
  }
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Varnish-Cache = "HIT";
  } else {
    set resp.http.X-Varnish-Cache = "MISS";
  }
}
