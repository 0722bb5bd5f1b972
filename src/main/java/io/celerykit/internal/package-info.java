/**
 * Not API: celerykit's own helpers, shared by its packages (argument checks, Python repr, result
 * tree walks, re-raising stored failures). The module does not export this package; its types may
 * change in any release.
 */
package io.celerykit.internal;
