/**
 * Not API: celerykit's own helpers, shared by its packages and by celerykit's own artifacts (the
 * Redis engine, {@code celerykit-redis}, uses the argument checks and Python's float repr from
 * here): argument checks, Python repr and float repr, result tree walks, re-raising stored
 * failures. The module does not export this package; its types may change in any release.
 */
package io.celerykit.internal;
