/** What anyone may see without signing in: what ChungTay is, and later the public needs and account. */
@org.springframework.modulith.ApplicationModule(displayName = "Public portal")
package vn.chungtay.publicportal;
