package vn.chungtay.identity.web;

/** A new personal access token: just a name to recognise it by. */
record TokenForm(String name) {

    static TokenForm empty() {
        return new TokenForm("");
    }
}
