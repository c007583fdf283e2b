package dev.pyrometer.sampler.unwind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * C++ names as c++filt writes them (template functions without their return type, which a flame graph does not
 * need); what the demangler does not understand comes back unchanged.
 */
class DemanglerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "_ZN3foo3BarC2Ev | foo::Bar::Bar()",
        "_ZN3FooD0Ev | Foo::~Foo()",
        "_ZNSt6vectorIiSaIiEE9push_backERKi | std::vector<int, std::allocator<int> >::push_back(int const&)",
        "_ZN2ns5Outer5InnerIiE3getEv | ns::Outer::Inner<int>::get()",
        "_ZNK3Foo3getEPKcRSt6string | Foo::get(char const*, std::string&) const",
        "_Z3addIiET_S0_S0_ | add<int>(int, int)",
        "_ZL9helper_fnPv | helper_fn(void*)",
        "_ZN12_GLOBAL__N_14workEi | (anonymous namespace)::work(int)",
        "_ZN5Eigen8internal3fooEv.cold | Eigen::internal::foo() [clone .cold]",
        "_ZplRK1AS1_ | operator+(A const&, A const&)",
        "_ZN3FooclEi | Foo::operator()(int)",
        "_ZNSt8_Rb_treeIiSt4pairIKiiESt10_Select1stIS2_ESt4lessIiESaIS2_EE8_M_eraseEPSt13_Rb_tree_nodeIS2_E"
            + " | std::_Rb_tree<int, std::pair<int const, int>, std::_Select1st<std::pair<int const, int> >,"
            + " std::less<int>, std::allocator<std::pair<int const, int> > >::_M_erase(std::_Rb_tree_node<std::pair<int"
            + " const, int> >*)",
        // Not C++, or not understood (a function type parameter): unchanged.
        "deflate | deflate",
        "_PyEval_EvalFrameDefault | _PyEval_EvalFrameDefault",
        "_Z5applyIdEvPFvT_ES0_ | _Z5applyIdEvPFvT_ES0_",
        "_ZN3foo | _ZN3foo",
        "_Z | _Z",
    })
    void demanglesAsCppFiltDoes(String mangled, String expected) {
        assertEquals(expected, Demangler.demangle(mangled));
    }
}
