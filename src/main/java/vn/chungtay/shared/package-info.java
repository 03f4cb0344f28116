/**
 * Building blocks every module may use and that hold no business rule: Vietnamese text folding,
 * CSV reading, the signed-in actor and the contract of an audited change.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.chungtay.shared;
