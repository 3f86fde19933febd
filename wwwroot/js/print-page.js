// Prints the page in front of the user (the emergency plan for the back office), imported as a module by the page's Print
// button: the CSP allows scripts from this site only, so there is no inline onclick. What shows on paper is css/print.css.
export function print() {
    window.print();
}
