# One Warta instance on this host; list every instance behind the load balancer here.
backend warta1 {
  .host = "127.0.0.1";
  .port = "1337";
}

sub vcl_init {
  new warta = directors.round_robin();
  warta.add_backend(warta1);
}
